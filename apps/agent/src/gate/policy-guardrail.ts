import { Route } from '../router/intent-router';

const GUARDED_TOPIC = /\b(refund|return|cancel|compensat|exchang|warrant|reimburs|money back|credit back|damaged)/i;
/** Words that state a rule: a time limit, a fee, an eligibility. A question back to the customer states none. */
const STATES_A_RULE =
  /(\b\d+\s*(business\s+)?(day|week|month|year)s?\b|\bwithin\b|\bfee\b|\$\s?\d|\bfree\b|\beligib|\bnon-?refundable\b|\bpolicy\b|\bmust\b|\bcan(not|'t| not) be\b|\bonly\b)/i;
const POLICY_ID = /POL-[A-Z0-9]+(?:-[A-Z0-9]+)*/g;

export type CitationCheck = { ok: true } | { ok: false; reason: 'uncited_policy' | 'unknown_policy' };

/**
 * Refunds, returns, cancellations and compensation are where a made-up rule costs most: an answer
 * on those topics that states a rule must cite a policy id the help center really has.
 */
export function checkPolicyCitation(input: { customerText: string; route: Route; reply: string; knownPolicyIds: ReadonlySet<string> }): CitationCheck {
  if (!isGuardedTopic(input.customerText, input.route) || !STATES_A_RULE.test(input.reply)) return { ok: true };
  const cited = input.reply.match(POLICY_ID) ?? [];
  if (!cited.length) return { ok: false, reason: 'uncited_policy' };
  return cited.every((id) => input.knownPolicyIds.has(id)) ? { ok: true } : { ok: false, reason: 'unknown_policy' };
}

/** The customer asks about refunds, returns, cancellations, exchanges, warranty or compensation. */
export function isGuardedTopic(customerText: string, route: Route): boolean {
  return route === 'return_refund' || GUARDED_TOPIC.test(customerText);
}

/** Policy ids found in any text the agent was given (passages, tool results). */
export function policyIdsIn(...texts: string[]): Set<string> {
  return new Set(texts.flatMap((t) => t.match(POLICY_ID) ?? []));
}
