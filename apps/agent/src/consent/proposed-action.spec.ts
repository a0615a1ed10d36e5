import { proposedAction, sameAction } from './proposed-action';

describe('sameAction', () => {
  it('matches the same change however the model spells it', () => {
    const stored = { tool: 'cancel_order', arguments: { reason: 'no longer needed', order_id: '#W1000001' } };
    expect(sameAction(stored, proposedAction('cancel_order', { order_id: ' w1000001 ', reason: 'no  longer needed' }))).toBe(true);
  });

  it('tells apart another order, other items, another address or another tool', () => {
    const asked = proposedAction('start_return', { order_id: '#W1000001', item_ids: ['1', '2'], refund_to_payment_method_id: 'gift_card_1' });
    expect(sameAction(asked, proposedAction('start_return', { order_id: '#W1000002', item_ids: ['1', '2'], refund_to_payment_method_id: 'gift_card_1' }))).toBe(
      false,
    );
    expect(sameAction(asked, proposedAction('start_return', { order_id: '#W1000001', item_ids: ['1'], refund_to_payment_method_id: 'gift_card_1' }))).toBe(
      false,
    );
    expect(
      sameAction(asked, proposedAction('start_return', { order_id: '#W1000001', item_ids: ['1', '2'], refund_to_payment_method_id: 'credit_card_1' })),
    ).toBe(false);
    expect(sameAction(asked, proposedAction('exchange_delivered_order_items', asked.arguments))).toBe(false);
  });
});
