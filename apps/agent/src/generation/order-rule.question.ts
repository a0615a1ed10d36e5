import { OrderSummary } from '../orders/order-summary';

const ASKS_TO_CANCEL = /\bcancel(?!led)/i;
const ASKS_ADDRESS_CHANGE = /\b(change|update|correct|fix|wrong)\b.*\baddress\b|\baddress\b.*\b(change|update|correct|wrong)/i;
const STOPPED_WORKING = /\b(stopped|quit|stops) working|\b(doesn'?t|does not|won'?t|isn'?t|is not) (work|turn on|charge|power on)|\bnot working\b/i;
const DAMAGED = /\b(damag\w*|broken|broke|crack\w*|shatter\w*|dent\w*|torn|ripped|scratch\w*|defect\w*|faulty)\b/i;
const LATE =
  /\b(late|delay\w*|lost|missing|never (came|arrived|got)|(hasn'?t|has not|didn'?t|did not|still not|not yet) (come|arrived|shown up|been delivered)|supposed to (arrive|be here|come))\b/i;
const WRONG_ITEM = /\bwrong (item|size|color|colour|product)\b/i;
const ASKS_RETURN = /\b(return|send (it |them )?back|sent (it |them )?back)\b/i;
const ASKS_REFUND = /\b(refund|money back|reimburse)/i;

/**
 * The help-center question a customer's message raises about an order in its current state, e.g. a late
 * shipped order → the rule for late packages; a return asked on a delivered order → the return window.
 * Null when they ask nothing beyond where the order is.
 */
export function orderRuleQuestion(order: OrderSummary, text: string): string | null {
  const status = order.status;
  if (ASKS_TO_CANCEL.test(text)) return 'cancel an order only while its status is pending';
  if (ASKS_ADDRESS_CHANGE.test(text)) return 'change the shipping address of an order only while its status is pending';
  if (STOPPED_WORKING.test(text)) return 'stopped working: how long the warranty lasts from the delivery date';
  if (WRONG_ITEM.test(text)) return 'wrong item received, we ship the correct item or refund it';
  if (DAMAGED.test(text)) return 'item arrived damaged or defective: report it with photos, replacement or refund';
  if (status === 'return requested' && (ASKS_REFUND.test(text) || ASKS_RETURN.test(text)))
    return 'refund after the returned items are inspected at our warehouse';
  if (status === 'exchange requested') return 'exchange: what happens next, send the original items back';
  if (ASKS_RETURN.test(text) || (ASKS_REFUND.test(text) && status === 'delivered')) return 'return within 30 days of the delivery date, the return window';
  if (ASKS_REFUND.test(text) && status === 'cancelled') return 'refund for a cancelled order, refund timelines';
  if (LATE.test(text) && (status === 'processed' || status === 'delivered')) return 'late or lost package: when we trace it with the carrier';
  return null;
}
