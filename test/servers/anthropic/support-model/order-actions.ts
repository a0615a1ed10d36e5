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

/** What the proposed change means; the product closes the reply with its own question about it. */
export function proposalStatement(kind: ActionKind, order: OrderView, customerText: string): string {
  switch (kind) {
    case 'cancel':
      return `Order ${order.orderId} hasn't shipped yet, so it can still be cancelled, and everything you paid goes back to your original payment method.`;
    case 'address': {
      const address = addressIn(customerText);
      if (!address) return `What is the new shipping address for order ${order.orderId}? Please give the street, city, state and ZIP code.`;
      return `Order ${order.orderId} hasn't shipped yet, so I can send it to ${formatAddress(address)} instead.`;
    }
    case 'return': {
      const items = itemsNamed(order, customerText);
      return `${items.map((i) => i.name).join(', ')} from order ${order.orderId} can be returned, refunded to ${order.paidWith[0]}.`;
    }
  }
}

/** A change this model proposed: what the customer asked for, in the message that asked. */
export interface Proposal {
  kind: ActionKind;
  orderId: string;
  askedIn: string;
}

/** The change the product asked the customer to confirm in the last reply, as the customer first asked for it. */
export function proposedAction(lastReply: string, earlierCustomerTexts: string[]): Proposal | null {
  const asked = /To confirm: shall I .*?(#W\d{7})/i.exec(lastReply);
  if (!asked) return null;
  const askedIn = [...earlierCustomerTexts].reverse().find((t) => actionAskedFor(t) && t.includes(asked[1]));
  return askedIn ? { kind: actionAskedFor(askedIn)!, orderId: asked[1], askedIn } : null;
}

export function saysYes(text: string): boolean {
  return /\b(yes|yeah|yep|confirm|go ahead|please do|do it|that's right|correct)\b/i.test(text) && !/^\s*(no|nope|wait|stop)\b/i.test(text);
}

/** The tool call that proposes a change and, with the same details after a yes, carries it out; a return needs the order's items. */
export function actionCall(proposal: Proposal, order: OrderView | null): { name: string; input: Record<string, unknown> } | null {
  switch (proposal.kind) {
    case 'cancel':
      return { name: 'cancel_order', input: { order_id: proposal.orderId, reason: 'no longer needed' } };
    case 'address': {
      const address = addressIn(proposal.askedIn);
      return address ? { name: 'change_order_address', input: { order_id: proposal.orderId, ...address, address2: '', country: 'USA' } } : null;
    }
    case 'return': {
      if (!order) return null;
      const items = itemsNamed(order, proposal.askedIn);
      return {
        name: 'start_return',
        input: { order_id: proposal.orderId, item_ids: items.map((i) => i.itemId), refund_to_payment_method_id: order.paidWith[0] },
      };
    }
  }
}

export function actionDone(proposal: Proposal, order: OrderView | null): string {
  switch (proposal.kind) {
    case 'cancel':
      return `Done: order ${proposal.orderId} is cancelled, and everything you paid goes back to your original payment method.`;
    case 'address':
      return `Done: order ${proposal.orderId} will now ship to ${formatAddress(addressIn(proposal.askedIn)!)}.`;
    case 'return':
      return `Done: the return of ${
        order
          ? itemsNamed(order, proposal.askedIn)
              .map((i) => i.name)
              .join(', ')
          : 'the items'
      } from order ${proposal.orderId} is started. We'll email you a prepaid return label, and the refund follows once the items pass inspection.`;
  }
}
