import { ToolCallRecord } from '@support/conversation';
import { OrderSummary } from '../orders/order-summary';
import { ToolSet } from '../tools/tool-set';

/** "cancel my order", not "was my order cancelled?" */
const ASKS_TO_CANCEL = /\bcancel(?!led|lation)\b/i;
/** The question the embedded engine asks before cancelling; the customer's "yes" to it confirms. */
const CONFIRMATION_QUESTION = (orderId: string) => `Do you want me to cancel order ${orderId}? Reply yes to confirm.`;
const ASKED_ORDER = /Do you want me to cancel order (#W\d{7})\?/;

/** The order the bot asked to cancel in its last message, when the customer has just said yes to it. */
export function confirmedCancellation(lastBotText: string | null, customerConfirmed: boolean): string | null {
  if (!customerConfirmed || !lastBotText) return null;
  return ASKED_ORDER.exec(lastBotText)?.[1] ?? null;
}

export function wantsCancellation(text: string): boolean {
  return ASKS_TO_CANCEL.test(text);
}

/** Before any change: what will happen, and the question whose "yes" the tools accept as confirmation (none when it can't be cancelled). */
export function askToCancel(order: OrderSummary): { statement: string; question: string | null } {
  if (order.status !== 'pending') {
    return {
      statement: `Order ${order.orderId} has the status "${order.status}", so it can no longer be cancelled. A member of our team can look at the options with you.`,
      question: null,
    };
  }
  const items = order.items.map((i) => i.name).join(', ');
  return {
    statement: `Order ${order.orderId} (${items}, $${order.total.toFixed(2)}) hasn't shipped yet, so it can still be cancelled, and the amount you paid goes back to the payment method you used.`,
    question: CONFIRMATION_QUESTION(order.orderId),
  };
}

/** Cancels through the policy-enforcing tools (which check the confirmation themselves). */
export async function cancelOrder(tools: ToolSet, orderId: string, toolCalls: ToolCallRecord[]): Promise<{ done: boolean; text: string }> {
  const execution = await tools.execute('cancel_order', { order_id: orderId, reason: 'no longer needed' });
  toolCalls.push(execution.record);
  if (execution.record.isError) {
    const refusal = execution.record.result as { message?: string };
    return { done: false, text: `I couldn't cancel order ${orderId}: ${refusal.message ?? 'the order tools refused'}` };
  }
  return { done: true, text: `Done: order ${orderId} is cancelled. The amount you paid goes back to the payment method you used.` };
}
