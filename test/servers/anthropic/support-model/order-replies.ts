import type { ToolExchange } from './support-turn.reader';

/** An order as the product's lookup_order tool returns it. */
export interface OrderView {
  orderId: string;
  status: string;
  items: Array<{ itemId: string; name: string }>;
  paidWith: string[];
  shipments: Array<{
    trackingIds: string[];
    carrier: string | null;
    items: string[];
    estimatedDelivery: string | null;
    deliveredAt: string | null;
    shippedAt: string | null;
  }>;
}

/** The order a successful lookup_order returned. */
export function orderFrom(exchange: ToolExchange | undefined): OrderView | null {
  return exchange?.ok && isOrderView(exchange.result) ? exchange.result : null;
}

export function isOrderView(value: unknown): value is OrderView {
  return typeof value === 'object' && value !== null && typeof (value as OrderView).orderId === 'string' && Array.isArray((value as OrderView).items);
}

/** Status, then each package: what is in it, the carrier and tracking number, and when it arrived or is expected. */
export function describeOrder(order: OrderView): string {
  const lines = [`Order ${order.orderId} is ${order.status}.`];
  for (const shipment of order.shipments) {
    const carrier = shipment.carrier ? ` with ${shipment.carrier}` : '';
    const tracking = shipment.trackingIds.length ? ` (tracking ${shipment.trackingIds.join(', ')})` : '';
    const when = shipment.deliveredAt
      ? `, delivered on ${day(shipment.deliveredAt)}`
      : shipment.estimatedDelivery
        ? `, expected on ${day(shipment.estimatedDelivery)}`
        : '';
    lines.push(`${shipment.items.join(', ') || 'A package'} shipped${carrier}${tracking}${when}.`);
  }
  if (!order.shipments.length) lines.push(`It holds ${order.items.map((i) => i.name).join(', ')}.`);
  return lines.join(' ');
}

export function listOrders(orders: OrderView[]): string {
  if (!orders.length) return 'I found no orders on your account.';
  return `Here are your orders: ${orders.map((o) => `${o.orderId} (${o.status}: ${o.items.map((i) => i.name).join(', ')})`).join('; ')}.`;
}

export function day(iso: string): string {
  return iso.slice(0, 10);
}

/** The items the customer named ("the headphones"), or every item when they named none. */
export function itemsNamed(order: OrderView, text: string): OrderView['items'] {
  const words = new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? []);
  const named = order.items.filter((item) =>
    (item.name.toLowerCase().match(/[a-z]{4,}/g) ?? []).some((w) => words.has(w) || words.has(`${w}s`) || words.has(w.replace(/s$/, ''))),
  );
  return named.length ? named : order.items;
}
