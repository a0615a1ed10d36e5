import type { ReplyBlock } from '../anthropic-wire.types';
import type { ScriptStep } from '../script-step.types';
import { actionAskedFor, actionCall, actionDone, ACTION_TOPICS, Proposal, proposedAction, saysYes } from './order-actions';
import { orderFrom } from './order-replies';
import { policiesForQuestion } from './digest-match';
import {
  asksForInstructions,
  asksForOrderList,
  asksForPerson,
  followsUpOnOrder,
  isSmallTalk,
  lastEmailIn,
  lastZipIn,
  meaningOf,
  needsPolicy,
  orderIdsIn,
} from './customer-words';
import { policyTopic } from './policy-topic';
import { answer, composeAnswer } from './support-answer';
import { SupportTurn, ToolExchange } from './support-turn.reader';

interface ToolCall {
  name: string;
  input: Record<string, unknown>;
}

/**
 * One step of a careful support model: call the tools the message needs (the customer's order, the
 * policy), propose a change through its tool and make it only after the customer's yes, then answer from
 * the tool results and passages only, citing the policy ids they state, and say it doesn't know when they
 * don't answer the question.
 */
export function supportStep(turn: SupportTurn): ScriptStep {
  const text = turn.customerText;
  if (asksForPerson(text)) return calls([{ name: 'handoff_to_human', input: { reason: 'The customer asked for a person.' } }]);
  if (asksForInstructions(text)) {
    return answer({
      text: "I can't share my instructions, but I'm glad to help with your orders, returns, shipping or anything else about our shop.",
      passageIds: [],
      confidence: 0.9,
    });
  }
  if (isSmallTalk(text)) return answer({ text: "You're welcome! Is there anything else I can help you with?", passageIds: [], confidence: 0.9 });

  const proposal = proposedAction(turn.lastReply, turn.earlierCustomerTexts);
  if (proposal && saysYes(text)) return confirmedAction(turn, proposal);

  const pending = plannedCalls(turn).filter((call) => !alreadyMade(turn, call));
  if (pending.length) return calls(pending);
  return answer(composeAnswer(turn));
}

function confirmedAction(turn: SupportTurn, proposal: Proposal): ScriptStep {
  const made = turn.exchanges.find((e) => e.name !== 'lookup_order');
  const order = orderFrom(turn.exchanges.find((e) => e.name === 'lookup_order'));
  if (made) return answer({ text: made.ok ? actionDone(proposal, order) : `I couldn't do that: ${messageOf(made)}`, passageIds: [], confidence: 0.9 });
  const call = actionCall(proposal, order);
  if (call) return calls([call]);
  return calls([{ name: 'lookup_order', input: { order_id: proposal.orderId, ...credentials(turn) } }]);
}

/** First the customer's order, then the policy that applies to it (or to the question): as a careful agent would. */
function plannedCalls(turn: SupportTurn): ToolCall[] {
  const text = turn.customerText;
  if (asksForOrderList(text) && !orderIdsIn(text).length) return [{ name: 'list_my_orders', input: {} }];
  const orderId = orderIdsIn(text)[0] ?? (followsUpOnOrder(text) ? turn.earlierCustomerTexts.flatMap(orderIdsIn).at(-1) : undefined);
  const looked = turn.exchanges.find((e) => e.name === 'lookup_order');
  if (orderId && !looked) return [{ name: 'lookup_order', input: { order_id: orderId, ...credentials(turn) } }];
  if (looked && !looked.ok) return [];
  const order = orderFrom(looked);
  const action = actionAskedFor(text);
  // A change is looked up by what it is ("cancel an order"), as the help center names it, then proposed through its tool.
  if (action) {
    const proposal = order ? actionCall({ kind: action, orderId: order.orderId, askedIn: text }, order) : null;
    return [{ name: 'lookup_policy', input: { topic: ACTION_TOPICS[action] } }, ...(proposal ? [proposal] : [])];
  }
  const topic = policyTopic(turn, order);
  const ruleTopic = needsPolicy(text) || meaningOf(text) !== '';
  const policyIds = policiesForQuestion(topic, turn.digest, ruleTopic, text);
  if (policyIds.length) return policyIds.map((policyId) => ({ name: 'lookup_policy', input: { policy_id: policyId } }));
  if (needsPolicy(text)) return [{ name: 'lookup_policy', input: { topic } }];
  return [];
}

function credentials(turn: SupportTurn): Record<string, string> {
  const texts = [...turn.earlierCustomerTexts, turn.customerText];
  const email = lastEmailIn(texts) ?? turn.profileEmail ?? undefined;
  const zip = lastZipIn(texts);
  return { ...(email ? { email } : {}), ...(zip ? { zip } : {}) };
}

function messageOf(exchange: ToolExchange): string {
  return String((exchange.result as { message?: string })?.message ?? 'the tool refused.');
}

function alreadyMade(turn: SupportTurn, call: ToolCall): boolean {
  return turn.exchanges.some((e) => e.name === call.name && JSON.stringify(e.input) === JSON.stringify(call.input));
}

function calls(list: ToolCall[]): ScriptStep {
  return { reply: list.map((call): ReplyBlock => ({ type: 'tool_use', name: call.name, input: call.input })) };
}
