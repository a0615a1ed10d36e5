import { normaliseOrderId, OrderSummary } from '@support/agent';
import { Message } from '@support/conversation';

const ABOUT_ORDERS = /\b(orders?|packages?|parcels?|deliver\w*|ship\w*|track\w*|arriv\w*|cancel\w*|refund\w*|#?W\d{7})\b|where is my/i;
const ORDER_NUMBER = /#?\bW\d{7}\b/gi;
const MAX_ORDERS = 3;

/** The customer asks about their orders (where one is, a delivery, a cancellation, …). */
export function isAboutOrders(questions: string[]): boolean {
  return questions.some((q) => ABOUT_ORDERS.test(q));
}

/**
 * The verified customer's orders the draft should name: those the customer wrote the number of, else their latest
 * ones. Only ever from the orders of the account the conversation proved it owns.
 */
export function ordersAskedAbout(orders: OrderSummary[], messages: Message[]): OrderSummary[] {
  const written = new Set(
    messages.filter((m) => m.author === 'customer').flatMap((m) => [...m.text.matchAll(ORDER_NUMBER)].map((match) => normaliseOrderId(match[0]))),
  );
  const named = orders.filter((o) => written.has(o.orderId));
  return (named.length ? named : orders.slice(-MAX_ORDERS)).slice(-MAX_ORDERS);
}

/** One order in a sentence or two, from the order store: its status, and where each package is. */
export function describeOrder(order: OrderSummary): string {
  const items = order.items.map((i) => i.name).join(', ');
  const head = `Order ${order.orderId} (${items}) is ${order.status}.`;
  const packages = order.shipments.map((s) => {
    const subject = order.shipments.length > 1 ? `The package with ${s.items.join(', ')}` : 'It';
    const state = s.deliveredAt
      ? `was delivered on ${s.deliveredAt}`
      : s.shippedAt
        ? `shipped on ${s.shippedAt}${s.estimatedDelivery ? `, estimated delivery ${s.estimatedDelivery}` : ''}`
        : s.estimatedDelivery
          ? `is expected by ${s.estimatedDelivery}`
          : 'has not shipped yet';
    const by = [s.carrier && `with ${s.carrier}`, s.trackingIds.length ? `tracking number ${s.trackingIds.join(', ')}` : null].filter(Boolean).join(', ');
    return `${subject} ${state}${by ? ` (${by})` : ''}.`;
  });
  return [head, ...(packages.length ? packages : ['It has not shipped yet.'])].join(' ');
}

/** What a draft says about orders when the customer has not proved who they are: a question, no details. */
export const ASK_FOR_PROOF =
  "To look up your order I first need to confirm it's yours: could you send me the order number and the email address or ZIP code it was placed with?";
