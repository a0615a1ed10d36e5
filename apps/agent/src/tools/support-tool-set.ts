import type Anthropic from '@anthropic-ai/sdk';
import { KnowledgeRetriever } from '@support/knowledge';
import { OrderToolSession, ToolOutcome } from '../orders/order-tools';
import { ORDER_ACTION_DEFINITIONS, OrderActions } from './order-action.tools';
import { runToolCall, ToolExecution, ToolSet } from './tool-set';

/** The tools Claude may call in a support conversation. */
export const SUPPORT_TOOL_DEFINITIONS: Anthropic.Tool[] = [
  {
    name: 'lookup_policy',
    description:
      'Look up the shop policy on refunds, returns, cancellations, exchanges, warranty, compensation, shipping fees or payments. Use it before stating any such rule, and cite the policy id it returns, e.g. (policy POL-RETURN-30D).',
    input_schema: {
      type: 'object',
      properties: {
        policy_id: { type: 'string', description: 'A policy id, e.g. POL-RETURN-30D, when you know it' },
        topic: { type: 'string', description: 'What the rule is about, in a few words, e.g. "refund to gift card"' },
      },
    },
  },
  {
    name: 'lookup_order',
    description:
      "Look up one order's status, items and shipments. Needs the order number; unless the customer is already verified, also the email address or ZIP code they gave for the order. Never guess these: ask the customer.",
    input_schema: {
      type: 'object',
      properties: {
        order_id: { type: 'string', description: 'Order number as the customer wrote it, e.g. #W9000001' },
        email: { type: 'string', description: 'Email address the customer gave in this conversation' },
        zip: { type: 'string', description: 'ZIP code the customer gave in this conversation' },
      },
      required: ['order_id'],
    },
  },
  {
    name: 'list_my_orders',
    description: "List the verified customer's orders. Fails with needs_verification when the customer has not proven who they are yet.",
    input_schema: { type: 'object', properties: {} },
  },
  {
    name: 'open_ticket',
    description:
      'Open a follow-up ticket for the support team when something needs checking later but the customer does not need a person now (e.g. a missing refund to trace). Tell the customer the ticket id.',
    input_schema: {
      type: 'object',
      properties: { summary: { type: 'string', description: 'What the team should do, in one or two sentences' } },
      required: ['summary'],
    },
  },
  {
    name: 'handoff_to_human',
    description:
      'Pass the conversation to a human agent: when the customer asks for a person, when the help center and tools do not answer the question, or when an action is needed that you cannot take.',
    input_schema: {
      type: 'object',
      properties: { reason: { type: 'string', description: 'Why a person should take over, in a few words' } },
      required: ['reason'],
    },
  },
];

/** The support conversation's tools: policy lookups, order lookups through the authorising order tools, and handoff. */
export class SupportToolSet implements ToolSet {
  readonly definitions = [...SUPPORT_TOOL_DEFINITIONS.slice(0, -1), ...ORDER_ACTION_DEFINITIONS, SUPPORT_TOOL_DEFINITIONS.at(-1)!];

  constructor(
    private readonly orders: OrderToolSession,
    private readonly knowledge: KnowledgeRetriever,
    private readonly actions: OrderActions,
    private readonly openTicket: (summary: string) => Promise<{ ticketId: string; alreadyOpen?: boolean }>,
  ) {}

  async execute(name: string, input: unknown): Promise<ToolExecution> {
    const { record, content } = await runToolCall(name, input, (args) => this.run(name, args));
    return { record, content, handoffRequested: name === 'handoff_to_human' };
  }

  private async run(name: string, args: Record<string, unknown>): Promise<ToolOutcome<unknown>> {
    if (this.actions.handles(name)) return this.actions.run(name, args);
    switch (name) {
      case 'open_ticket':
        if (typeof args.summary !== 'string' || !args.summary.trim()) return { ok: false, code: 'invalid_argument', message: 'summary is required' };
        return { ok: true, data: await this.openTicket(args.summary.trim()) };
      case 'lookup_policy':
        return this.lookupPolicy(optionalString(args.policy_id), optionalString(args.topic));
      case 'lookup_order':
        if (typeof args.order_id !== 'string') return { ok: false, code: 'invalid_argument', message: 'order_id (a string) is required' };
        return this.orders.lookupOrder({ orderId: args.order_id, email: optionalString(args.email), zip: optionalString(args.zip) });
      case 'list_my_orders':
        return this.orders.listOrders();
      case 'handoff_to_human':
        return { ok: true, data: { handedOff: true } };
      default:
        return { ok: false, code: 'invalid_argument', message: `There is no tool called ${name}.` };
    }
  }

  private async lookupPolicy(policyId?: string, topic?: string): Promise<ToolOutcome<unknown>> {
    if (!policyId && !topic) return { ok: false, code: 'invalid_argument', message: 'Give a policy_id or a topic.' };
    const found = policyId ? await this.knowledge.findPolicy(policyId.trim().toUpperCase()) : [];
    const passages = found.length ? found : (await this.knowledge.search(topic ?? policyId!, { limit: 5 })).filter((p) => p.policyIds.length);
    if (!passages.length) return { ok: false, code: 'not_found', message: 'No policy covers that. Say you do not know and hand off.' };
    return { ok: true, data: passages.slice(0, 3).map((p) => ({ policyIds: p.policyIds, article: p.title, section: p.section, text: p.text, url: p.url })) };
  }
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}
