import { OrderSummary } from '../orders/order-summary';

/** "cancel my order", not "was my order cancelled?" */
const ASKS_TO_CANCEL = /\bcancel(?!led|lation)\b/i;

export function wantsCancellation(text: string): boolean {
  return ASKS_TO_CANCEL.test(text);
}

/** Before any change: what will happen, and whether it can be proposed (the question is the product's own). */
export function askToCancel(order: OrderSummary): { statement: string; canCancel: boolean } {
  if (order.status !== 'pending') {
    return {
      statement: `Order ${order.orderId} has the status "${order.status}", so it can no longer be cancelled. A member of our team can look at the options with you.`,
      canCancel: false,
    };
  }
  const items = order.items.map((i) => i.name).join(', ');
  return {
    statement: `Order ${order.orderId} (${items}, $${order.total.toFixed(2)}) hasn't shipped yet, so it can still be cancelled, and the amount you paid goes back to the payment method you used.`,
    canCancel: true,
  };
}
