import { ToolCallRecord } from '@support/conversation';
import { OrderSummary } from '../orders/order-summary';
import { OrderToolSession } from '../orders/order-tools';
import { isWithinReturnWindow, ReturnWindow } from '../orders/return-window';
import { ToolSet } from '../tools/tool-set';

const ASKS_RETURN = /\b(return|send (it |them )?back)\b/i;
const ASKED = /Do you want me to start a return of (.+) from order (#W\d{7})/;

export function wantsReturn(text: string): boolean {
  return ASKS_RETURN.test(text);
}

/** The last package arrived within the shop's return window (the one its order tools apply). */
export function withinReturnWindow(order: OrderSummary, window: ReturnWindow): boolean {
  return isWithinReturnWindow(order.shipments.map((s) => s.deliveredAt), window);
}

/** The items the customer names ("the headphones"), or every item when they name none. */
export function itemsAskedAbout(order: OrderSummary, text: string): OrderSummary['items'] {
  const words = new Set(text.toLowerCase().split(/[^a-z]+/).filter((w) => w.length > 3));
  const named = order.items.filter((item) => item.name.toLowerCase().split(/[^a-z]+/).some((w) => w.length > 3 && (words.has(w) || words.has(`${w}s`) || words.has(w.replace(/s$/, '')))));
  return named.length ? named : order.items;
}

/** The question whose "yes" the tools accept: which items, and where the refund goes. */
export function askToReturn(order: OrderSummary, items: OrderSummary['items']): string {
  return `Do you want me to start a return of ${items.map((i) => i.name).join(', ')} from order ${order.orderId}, refunded to the payment method you used? Reply yes to confirm.`;
}

/** The order and item names the bot asked to return in its last message, when the customer has just said yes. */
export function confirmedReturn(lastBotText: string | null, customerConfirmed: boolean): { orderId: string; itemNames: string[] } | null {
  if (!customerConfirmed || !lastBotText) return null;
  const asked = ASKED.exec(lastBotText);
  return asked ? { orderId: asked[2], itemNames: asked[1].split(', ') } : null;
}

/** Starts the return through the policy-enforcing tools, refunded to the order's original payment method. */
export async function startReturn(
  tools: ToolSet,
  orders: OrderToolSession,
  asked: { orderId: string; itemNames: string[] },
  toolCalls: ToolCallRecord[],
): Promise<{ done: boolean; text: string }> {
  const found = await orders.lookupOrder({ orderId: asked.orderId });
  if (!found.ok) return { done: false, text: `I couldn't start the return for order ${asked.orderId}: ${found.message}` };
  const items = found.data.items.filter((i) => asked.itemNames.includes(i.name));
  const execution = await tools.execute('start_return', {
    order_id: asked.orderId,
    item_ids: items.map((i) => i.itemId),
    refund_to_payment_method_id: found.data.paidWith[0] ?? '',
  });
  toolCalls.push(execution.record);
  if (execution.record.isError) {
    const refusal = execution.record.result as { message?: string };
    return { done: false, text: `I couldn't start the return for order ${asked.orderId}: ${refusal.message ?? 'the order tools refused'}` };
  }
  return {
    done: true,
    text: `Done: the return of ${items.map((i) => i.name).join(', ')} from order ${asked.orderId} is started. Every return comes with a prepaid return label, and the refund goes to the payment method you used once the returned items pass inspection.`,
  };
}
