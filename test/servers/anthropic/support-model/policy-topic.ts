import { meaningOf, questionTopic } from './customer-words';
import { OrderView } from './order-replies';
import { distinctiveTerms } from './question-terms';
import { SupportTurn } from './support-turn.reader';

/**
 * What the rule to look up is about: the customer's words and what they mean, the order's items when
 * the customer says "it", and, for a short follow-up ("is it ever free?"), the question before it.
 */
export function policyTopic(turn: SupportTurn, order: OrderView | null): string {
  const text = turn.customerText;
  const own = questionTopic(text);
  const context = distinctiveTerms(own).size < 3 ? questionTopic(turn.earlierCustomerTexts.at(-1) ?? '') : '';
  const items = order && /\b(it|they)\b/i.test(text) ? order.items.map((i) => i.name).join(' ') : '';
  return [own, meaningOf(text), context, items].filter(Boolean).join(' ');
}
