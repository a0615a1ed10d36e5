import { OrderSummary } from '../orders/order-summary';
import { orderRuleQuestion } from './order-rule.question';

const order = (status: string): OrderSummary => ({
  orderId: '#W1000001',
  status,
  items: [],
  paidWith: [],
  total: 0,
  shipments: [],
  shipTo: 'Austin, TX 78701',
});

describe('orderRuleQuestion', () => {
  it.each([
    ['a shipped order that has not come', 'processed', 'It was supposed to arrive last week and still hasn’t come.', /late or lost package/],
    ['a return asked on a delivered order', 'delivered', 'I want to return the watch', /30 days/],
    ['a refund asked while a return is in progress', 'return requested', "Where's my refund for the jacket I sent back?", /inspected/],
    ['a cancellation asked', 'processed', 'Cancel my order please', /only while its status is pending/],
    ['an item that arrived damaged', 'delivered', 'My headphones arrived with a cracked headband', /damaged or defective/],
    ['an item that stopped working', 'delivered', 'But it stopped working last week.', /warranty/],
  ])('asks the help center about %s', (_, status, text, question) => {
    expect(orderRuleQuestion(order(status), text)).toMatch(question);
  });

  it('asks nothing more when the customer only wants to know where the order is', () => {
    expect(orderRuleQuestion(order('processed'), "Where's my order?")).toBeNull();
  });
});
