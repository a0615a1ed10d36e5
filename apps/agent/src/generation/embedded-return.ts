import { OrderSummary } from '../orders/order-summary';
import { isWithinReturnWindow, ReturnWindow } from '../orders/return-window';

const ASKS_RETURN = /\b(return|send (it |them )?back)\b/i;

export function wantsReturn(text: string): boolean {
  return ASKS_RETURN.test(text);
}

/** The last package arrived within the shop's return window (the one its order tools apply). */
export function withinReturnWindow(order: OrderSummary, window: ReturnWindow): boolean {
  return isWithinReturnWindow(
    order.shipments.map((s) => s.deliveredAt),
    window,
  );
}

/** The items the customer names ("the headphones"), or every item when they name none. */
export function itemsAskedAbout(order: OrderSummary, text: string): OrderSummary['items'] {
  const words = new Set(
    text
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length > 3),
  );
  const named = order.items.filter((item) =>
    item.name
      .toLowerCase()
      .split(/[^a-z]+/)
      .some((w) => w.length > 3 && (words.has(w) || words.has(`${w}s`) || words.has(w.replace(/s$/, '')))),
  );
  return named.length ? named : order.items;
}

/** What a return of these items means; the product's own question follows. */
export function askToReturn(order: OrderSummary, items: OrderSummary['items']): string {
  return `${items.map((i) => i.name).join(', ')} from order ${order.orderId} can be returned, refunded to the payment method you used.`;
}
