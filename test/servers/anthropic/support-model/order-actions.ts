import { itemsNamed, OrderView } from './order-replies';

/** A change the customer asked for, and the question that asks them to confirm it. */
export type ActionKind = 'cancel' | 'address' | 'return';

export interface ShippingAddress {
  address1: string;
  city: string;
  state: string;
  zip: string;
}

const ADDRESS = /\b(\d+ [^,\n]+),\s*([A-Za-z .'-]+),\s*([A-Z]{2})\s+(\d{5})\b/;
const ORDER_ID = /#W\d{7}/;

/** How the help center names each change, to look its policy up by. */
export const ACTION_TOPICS: Record<ActionKind, string> = {
  cancel: 'cancel an order',
  address: 'change the shipping address of an order',
  return: 'return window',
};

/** A change asked for about a named order ("cancel #W…"); "can I cancel an order?" is a question, not a request. */
export function actionAskedFor(message: string): ActionKind | null {
  if (!ORDER_ID.test(message)) return null;
  const text = message.replace(/\bPOL-[A-Z0-9-]+/g, '');
  if (/\bcancel/i.test(text)) return 'cancel';
  if (/\b(change|update|correct)\b[^.?!]*\baddress\b/i.test(text)) return 'address';
  if (/\breturn\b|\bsend (it|them) back\b/i.test(text) && !/\brefund\b/i.test(text)) return 'return';
  return null;
}

export function addressIn(text: string): ShippingAddress | null {
  const match = ADDRESS.exec(text);
  return match ? { address1: match[1].trim(), city: match[2].trim(), state: match[3], zip: match[4] } : null;
}

export function formatAddress(address: ShippingAddress): string {
  return `${address.address1}, ${address.city}, ${address.state} ${address.zip}`;
}

/** The question whose "yes" the shop's tools accept; it names everything the action needs. */
export function confirmationQuestion(kind: ActionKind, order: OrderView, customerText: string): string {
  switch (kind) {
    case 'cancel':
      return `Shall I cancel order ${order.orderId} (${order.items.map((i) => i.name).join(', ')})? Everything is refunded to the payment method you used. Please reply yes to confirm.`;
    case 'address': {
      const address = addressIn(customerText);
      if (!address) return `What is the new shipping address for order ${order.orderId}? Please give the street, city, state and ZIP code.`;
      return `Shall I change the shipping address of order ${order.orderId} to ${formatAddress(address)}? Please reply yes to confirm.`;
    }
    case 'return': {
      const items = itemsNamed(order, customerText);
      return `Shall I start a return of ${items.map((i) => i.name).join(', ')} from order ${order.orderId}, refunded to ${order.paidWith[0]}? Please reply yes to confirm.`;
    }
  }
}

/** What the last reply asked the customer to confirm. */
export function proposedAction(lastReply: string): { kind: ActionKind; orderId: string; detail: string } | null {
  const orderId = ORDER_ID.exec(lastReply)?.[0];
  if (!orderId || !/reply yes to confirm/i.test(lastReply)) return null;
  const cancel = /Shall I cancel order/.exec(lastReply);
  if (cancel) return { kind: 'cancel', orderId, detail: '' };
  const address = /Shall I change the shipping address of order #W\d{7} to (.+?)\? Please/.exec(lastReply);
  if (address) return { kind: 'address', orderId, detail: address[1] };
  const back = /Shall I start a return of (.+) from order #W\d{7}, refunded to (\S+)\?/.exec(lastReply);
  if (back) return { kind: 'return', orderId, detail: `${back[1]}|${back[2]}` };
  return null;
}

export function saysYes(text: string): boolean {
  return /\b(yes|yeah|yep|confirm|go ahead|please do|do it|that's right|correct)\b/i.test(text) && !/^\s*(no|nope|wait|stop)\b/i.test(text);
}

/** The tool call that carries out a confirmed action; a return needs the order's item ids first. */
export function actionCall(action: { kind: ActionKind; orderId: string; detail: string }, order: OrderView | null): { name: string; input: Record<string, unknown> } | null {
  switch (action.kind) {
    case 'cancel':
      return { name: 'cancel_order', input: { order_id: action.orderId, reason: 'no longer needed' } };
    case 'address': {
      const address = addressIn(action.detail);
      return address ? { name: 'change_order_address', input: { order_id: action.orderId, ...address, address2: '', country: 'USA' } } : null;
    }
    case 'return': {
      if (!order) return null;
      const [names, paymentMethod] = action.detail.split('|');
      const items = order.items.filter((i) => names.split(', ').includes(i.name));
      return { name: 'start_return', input: { order_id: action.orderId, item_ids: items.map((i) => i.itemId), refund_to_payment_method_id: paymentMethod } };
    }
  }
}

export function actionDone(action: { kind: ActionKind; orderId: string; detail: string }): string {
  switch (action.kind) {
    case 'cancel':
      return `Done: order ${action.orderId} is cancelled, and everything you paid goes back to your original payment method.`;
    case 'address':
      return `Done: order ${action.orderId} will now ship to ${action.detail}.`;
    case 'return':
      return `Done: the return of ${action.detail.split('|')[0]} from order ${action.orderId} is started. We'll email you a prepaid return label, and the refund follows once the items pass inspection.`;
  }
}
