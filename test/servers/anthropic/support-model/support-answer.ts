import { findPolicyIds } from '../../../../knowledge/src/articles/policy-ids';
import type { ScriptStep } from '../script-step.types';
import { ActionKind, actionAskedFor, ACTION_TOPICS, proposalStatement } from './order-actions';
import { day, describeOrder, isOrderView, listOrders, orderFrom, OrderView } from './order-replies';
import { EvidenceSection, evidenceSection, EvidenceUnit } from './evidence-units';
import { isComplaint, meaningOf, needsPolicy } from './customer-words';
import { policyTopic } from './policy-topic';
import { stems } from './question-terms';
import { relevantEvidence } from './relevant-evidence';
import { SupportTurn, ToolExchange } from './support-turn.reader';

const SORRY = "I'm sorry about this. Can you tell me what went wrong, and the order number if it's about an order, so I can help?";
const NOT_SURE = "I'm sorry, I don't know the answer to that, and I'd rather not guess.";
const MIN_COVERAGE = 0.5;
/** A policy sentence comes with the one leading up to it ("we open a trace… if the carrier can't find it, …"). */
const LEAD_IN = 1;
const LIST_ITEMS = 4;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface Reply {
  text: string;
  passageIds: string[];
  confidence: number;
}

/**
 * The reply once the tools have answered: what they found (the order, a refusal, the question before a
 * change), then the policy looked up or the passage that answers the question, citations kept in the
 * sentences; "I don't know" when nothing given covers it.
 */
export function composeAnswer(turn: SupportTurn): Reply {
  const text = turn.customerText;
  const parts: string[] = [];
  let grounded = false;
  const action = actionAskedFor(text);
  const listed = turn.exchanges.find((e) => e.name === 'list_my_orders');
  if (listed) {
    grounded = true;
    parts.push(
      listed.ok && Array.isArray(listed.result)
        ? listOrders(listed.result.filter(isOrderView))
        : 'To look up your orders, I need an order number and the email address or ZIP code on it.',
    );
  }
  const looked = turn.exchanges.filter((e) => e.name === 'lookup_order').at(-1);
  const order = orderFrom(looked);
  if (looked) {
    grounded = true;
    if (!order) parts.push(lookupRefusal(looked));
    else parts.push(action ? orderActionReply(action, order, turn) : describeOrder(order));
  }
  const evidence = evidenceOf(turn);
  const topic = policyTopic(turn, order);
  const selection = relevantEvidence(topic, evidence, needsPolicy(text) || action !== null, text);
  const statements = policyStatements(evidence, `${action ? ACTION_TOPICS[action] : ''} ${topic} ${order ? `status ${order.status}` : ''}`);
  const ruleTopic = needsPolicy(text) || meaningOf(text) !== '' || action !== null;
  const enough = grounded || selection.coverage >= MIN_COVERAGE || (ruleTopic && statements.length > 0);
  if (enough && ruleTopic && statements.length) parts.push(...statements.map((unit) => sentence(unit.text)));
  else if (enough && (!looked || ruleTopic)) {
    if (selection.lead) parts.push(`${selection.lead}:`);
    parts.push(...selection.units.map((unit) => sentence(unit.text)));
  }
  if (!parts.length && isComplaint(text)) return { text: SORRY, passageIds: [], confidence: 0.8 };
  if (!parts.length) return { text: NOT_SURE, passageIds: [], confidence: 0.2 };
  return { text: parts.join(' '), passageIds: enough && !(ruleTopic && statements.length) ? selection.passageIds : [], confidence: 0.9 };
}

/**
 * Each policy looked up, as its section states it: the sentence, the one leading up to it, and a list it
 * opens. Of a lookup by topic, the policy that fits the question and the order's state best.
 */
function policyStatements(evidence: EvidenceSection[], question: string): EvidenceUnit[] {
  const units: EvidenceUnit[] = [];
  const asked = new Set(stems(question));
  const fit = (section: EvidenceSection, unit: EvidenceUnit) => new Set(stems(`${section.section} ${unit.text}`).filter((t) => asked.has(t))).size;
  const byTopic = evidence
    .filter((s) => s.lookup === 'topic')
    .flatMap((section) => section.units.map((unit, at) => ({ section, unit, at })))
    .filter(({ unit }) => unit.policyIds.length)
    .map((candidate, rank) => ({ ...candidate, score: fit(candidate.section, candidate.unit) - rank * 0.01 }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 1);
  const byId = evidence
    .filter((s) => s.lookup && s.lookup !== 'topic')
    .flatMap((section) => {
      const at = section.units.findIndex((u) => u.policyIds.includes(section.lookup!));
      return at >= 0 ? [{ section, unit: section.units[at], at }] : [];
    });
  for (const { section, unit, at } of [...byTopic, ...byId]) {
    if (units.some((u) => u.policyIds.some((id) => unit.policyIds.includes(id)))) continue;
    const end = unit.text.trimEnd().endsWith(':') ? at + LIST_ITEMS : at;
    units.push(...section.units.slice(Math.max(0, at - LEAD_IN), end + 1).filter((u) => !units.includes(u)));
  }
  return units;
}

function orderActionReply(kind: ActionKind, order: OrderView, turn: SupportTurn): string {
  const text = turn.customerText;
  switch (kind) {
    case 'cancel':
      return order.status === 'pending'
        ? `${describeOrder(order)} ${proposalStatement('cancel', order, text)}`
        : `Order ${order.orderId} is ${order.status}, so it can no longer be cancelled: only pending orders can be cancelled.`;
    case 'address':
      return order.status === 'pending'
        ? proposalStatement('address', order, text)
        : `Order ${order.orderId} is ${order.status}, so its shipping address can no longer be changed: only a pending order's address can be changed.`;
    case 'return': {
      if (order.status !== 'delivered') return `Order ${order.orderId} is ${order.status}, so it can't be returned: only delivered orders can be returned.`;
      const closed = returnWindowClosed(order, turn);
      return closed ?? proposalStatement('return', order, text);
    }
  }
}

/** Today's date and the digest's return window, applied to the order's last delivery. */
function returnWindowClosed(order: OrderView, turn: SupportTurn): string | null {
  const rule = [...turn.digest.values()].find((r) => /\breturn within (\d+) days\b/i.test(r));
  const days = Number(/\breturn within (\d+) days\b/i.exec(rule ?? '')?.[1]);
  const delivered = order.shipments.map((s) => (s.deliveredAt ? Date.parse(s.deliveredAt) : NaN)).filter((t) => !Number.isNaN(t));
  if (!turn.today || !days || !delivered.length) return null;
  const last = Math.max(...delivered);
  if (turn.today.getTime() - last <= days * DAY_MS) return null;
  return `Order ${order.orderId} was delivered on ${day(new Date(last).toISOString())}, more than ${days} days ago, so it is outside the ${days}-day return window and I can't start a return for it.`;
}

function lookupRefusal(exchange: ToolExchange): string {
  const code = (exchange.result as { error?: string })?.error;
  if (code === 'needs_verification') return `To look up order ${String(exchange.input.order_id)}, I need the email address or ZIP code on the order.`;
  return "I couldn't find an order with those details. Please check the order number and the email address or ZIP code on the order.";
}

function evidenceOf(turn: SupportTurn): EvidenceSection[] {
  const fromLookups = turn.exchanges
    .filter((e) => e.name === 'lookup_policy' && e.ok && Array.isArray(e.result))
    .flatMap((e) =>
      (e.result as Array<{ text: string; article: string; section?: string }>).map((r) =>
        evidenceSection(r.text, {
          passageId: null,
          article: r.article,
          section: r.section ?? '',
          lookup: typeof e.input.policy_id === 'string' ? e.input.policy_id : 'topic',
        }),
      ),
    );
  const fromPassages = turn.passages.map((p) => evidenceSection(p.text, { passageId: p.id, article: p.title, section: p.section, lookup: null }));
  return [...fromLookups, ...fromPassages];
}

function sentence(text: string): string {
  return /[.!?)]$/.test(text) ? text : `${text}.`;
}

/** The reply and, after it, the structured block the product's instructions ask for. */
export function answer(reply: Reply): ScriptStep {
  const policyIds = findPolicyIds(reply.text);
  const meta = JSON.stringify({ passage_ids: reply.passageIds, policy_ids: policyIds, confidence: reply.confidence });
  return { reply: `${reply.text}\n<answer_meta>${meta}</answer_meta>` };
}
