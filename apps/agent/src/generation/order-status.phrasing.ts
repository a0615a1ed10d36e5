import { OrderSummary } from '../orders/order-summary';

const STATUS_TEXT: Record<string, string> = {
  pending: "has been received and is being prepared; it hasn't shipped yet",
  processed: 'has shipped',
  delivered: 'has been delivered',
  cancelled: 'was cancelled',
  'return requested': 'has a return in progress',
  'exchange requested': 'has an exchange in progress',
};

/** A customer-facing description of an order's status, items and shipments. */
export function describeOrder(order: OrderSummary): string {
  const status = STATUS_TEXT[order.status] ?? `has the status "${order.status}"`;
  const lines = [`Your order ${order.orderId} ${status}.`];
  if (order.status === 'processed' || order.status === 'delivered') {
    const several = order.shipments.length > 1;
    if (several) lines.push(`It was sent in ${order.shipments.length} packages.`);
    for (const shipment of order.shipments) lines.push(describeShipment(shipment, several));
  }
  const items = order.items.map((item) => `${item.name}${describeOptions(item.options)}`).join('; ');
  lines.push(`Items: ${items}. Total $${order.total.toFixed(2)}, shipping to ${order.shipTo}.`);
  return lines.join('\n');
}

function describeShipment(shipment: OrderSummary['shipments'][number], several: boolean): string {
  const subject = several ? `The package with ${shipment.items.join(' and ')}` : 'It';
  const carrier = shipment.carrier ? ` with ${shipment.carrier}` : '';
  const tracking = shipment.trackingIds.length ? ` (tracking number ${shipment.trackingIds.join(', ')})` : '';
  if (shipment.deliveredAt) return `${subject} was delivered on ${formatDate(shipment.deliveredAt)}${carrier}${tracking}.`;
  const shipped = shipment.shippedAt ? ` on ${formatDate(shipment.shippedAt)}` : '';
  const eta = shipment.estimatedDelivery ? ` and should arrive by ${formatDate(shipment.estimatedDelivery)}` : '';
  return `${subject} shipped${shipped}${carrier}${tracking}${eta}.`;
}

function describeOptions(options: Record<string, string>): string {
  const values = Object.values(options);
  return values.length ? ` (${values.join(', ')})` : '';
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
}
