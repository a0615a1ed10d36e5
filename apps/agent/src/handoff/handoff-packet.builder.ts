import { HandoffPacket, ToolCallRecord } from '@support/conversation';
import { PendingAction } from '../consent/proposed-action';
import { HandoffContext, nextStepFor } from './handoff-summary';

export interface HandoffPacketFacts {
  summary: string;
  /** Tool calls as stored (personal data redacted). */
  toolCalls: ToolCallRecord[];
  verifiedShopUserId: string | null;
  /** The change the bot last proposed, if the customer has not had it carried out. */
  pendingProposal: PendingAction | null;
  sentimentTrend: number;
}

const WANTS_MESSAGES = 3;
/** Trend values this close to zero read as steady. */
const STEADY_WITHIN = 0.15;

/** The one structured account of a handoff that every destination receives and the handoffs table stores. */
export function buildHandoffPacket(context: HandoffContext, facts: HandoffPacketFacts): HandoffPacket {
  const wants = context.history
    .filter((m) => m.author === 'customer')
    .map((m) => m.text)
    .concat(context.text)
    .slice(-WANTS_MESSAGES);
  return {
    reason: context.reason,
    summary: facts.summary,
    channel: context.channel,
    customer: {
      name: context.customer.name,
      email: context.customer.email,
      verifiedShopUserId: facts.verifiedShopUserId,
      identities: context.identities.filter((i) => i.kind !== 'web_session').map(({ kind, address, verified }) => ({ kind, address, verified })),
    },
    route: { route: context.route.route, intent: context.route.intent, confidence: Math.round(context.route.confidence * 100) / 100 },
    wants,
    found: context.passages.slice(0, 3).map((p) => ({ title: p.title, score: Math.round(p.score * 100) / 100, policyIds: p.policyIds })),
    did: facts.toolCalls.map((c) => ({ name: c.name, arguments: c.arguments, ok: !c.isError, result: c.result })),
    promised: facts.pendingProposal ? [`${facts.pendingProposal.description} (proposed to the customer, not carried out)`] : [],
    sentiment: { trend: Math.round(facts.sentimentTrend * 100) / 100, direction: directionOf(facts.sentimentTrend) },
    nextStep: nextStepFor(context.reason),
  };
}

function directionOf(trend: number): HandoffPacket['sentiment']['direction'] {
  if (trend < -STEADY_WITHIN) return 'worsening';
  if (trend > STEADY_WITHIN) return 'improving';
  return 'steady';
}
