import { Conversation, Customer, Message, MessageAuthor } from '@support/conversation';
import { Passage } from '@support/knowledge';
import { ToolCallRecord } from '@support/conversation';
import { OrderToolSession } from '../orders/order-tools';
import { RouteDecision } from '../router/intent-router';

const SECTION_IDS: Record<string, string> = {
  'Retail agent policy': 'POL-TAU-GENERAL',
  'Domain basic': 'POL-TAU-DOMAIN',
  'Cancel pending order': 'POL-TAU-CANCEL',
  'Modify pending order': 'POL-TAU-MODIFY',
  'Return delivered order': 'POL-TAU-RETURN',
  'Exchange delivered order': 'POL-TAU-EXCHANGE',
};

/**
 * The τ-bench retail policy as help-center passages, one per top-level section, each with a policy id:
 * the product's generator wants a rule on refunds, returns or cancellations to cite the policy it comes from.
 */
export function policyPassages(policy: string): Passage[] {
  const sections = policy.split(/^(?=#{1,2} )/m).filter((s) => s.trim());
  return sections.map((section, index) => {
    const title = section
      .split('\n')[0]
      .replace(/^#+\s*/, '')
      .trim();
    const policyId = SECTION_IDS[title] ?? `POL-TAU-SECTION-${index + 1}`;
    return {
      id: `tau-retail-policy-${index + 1}`,
      articleId: 'tau-retail-policy',
      title: `Retail agent policy: ${title} (${policyId}; the tools named here are the ones you have)`,
      section: title,
      text: section.trim(),
      policyIds: [policyId],
      score: 1,
    };
  });
}

const MAX_RESULT_CHARS = 3_000;
const MAX_LOG_CHARS = 24_000;

/**
 * The tool calls of earlier turns, as a passage: the generator's history carries only the text of past
 * messages, and the agent needs the ids and details it already looked up.
 */
export function toolLogPassage(calls: ToolCallRecord[]): Passage | null {
  if (!calls.length) return null;
  const lines = calls.map((call) => {
    const result = JSON.stringify(call.result);
    const shown = result.length > MAX_RESULT_CHARS ? `${result.slice(0, MAX_RESULT_CHARS)}…` : result;
    return `${call.name}(${JSON.stringify(call.arguments)}) → ${shown}`;
  });
  let text = lines.join('\n');
  while (text.length > MAX_LOG_CHARS && lines.length > 1) text = (lines.shift(), lines.join('\n'));
  return {
    id: 'tau-tool-log',
    articleId: 'tau-tool-log',
    title: 'Your tool calls earlier in this conversation, with their results',
    section: '',
    text,
    policyIds: [],
    score: 1,
  };
}

/** Order and account changes; the router would send a retail request to the main model. */
export const RETAIL_ROUTE: RouteDecision = { route: 'order_change', intent: 'tau_retail', confidence: 1, stage: 'local' };

/** The product's order lookups are not part of the retail tool set. */
export const NO_ORDER_LOOKUPS: OrderToolSession = {
  lookupOrder: async () => ({ ok: false, code: 'invalid_argument', message: 'Use the retail tools in this conversation.' }),
  listOrders: async () => ({ ok: false, code: 'invalid_argument', message: 'Use the retail tools in this conversation.' }),
  verifiedCustomerId: async () => null,
};

/** A conversation record for one simulated episode (web chat, nothing stored). */
export function episodeConversation(id: string): { conversation: Conversation; customer: Customer } {
  const now = new Date();
  return {
    conversation: {
      id,
      customerId: `${id}_customer`,
      channel: 'web',
      status: 'bot',
      intent: 'tau_retail',
      sentimentTrend: 0,
      verifiedShopUserId: null,
      clientAddress: null,
      assignee: null,
      waitingSince: null,
      resolvedAt: null,
      createdAt: now,
      updatedAt: now,
    },
    customer: { id: `${id}_customer`, name: null, email: null, createdAt: now },
  };
}

export function episodeMessage(conversationId: string, index: number, author: MessageAuthor, text: string): Message {
  return {
    id: `${conversationId}_m${index}`,
    conversationId,
    channel: 'web',
    direction: author === 'customer' ? 'inbound' : 'outbound',
    author,
    text,
    attachments: [],
    channelMessageId: null,
    createdAt: new Date(),
  };
}
