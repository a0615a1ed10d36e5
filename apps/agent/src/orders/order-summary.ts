import { Order } from './shop.model';

/** What a verified customer may see of one order. */
export interface OrderSummary {
  orderId: string;
  status: string;
  items: Array<{ name: string; options: Record<string, string>; price: number }>;
  total: number;
  shipments: Array<{
    trackingIds: string[];
    carrier: string | null;
    items: string[];
    shippedAt: string | null;
    estimatedDelivery: string | null;
    deliveredAt: string | null;
  }>;
  shipTo: string;
}

export function summariseOrder(order: Order): OrderSummary {
  const itemName = new Map(order.items.map((item) => [item.item_id, item.name]));
  return {
    orderId: order.order_id,
    status: order.status,
    items: order.items.map(({ name, options, price }) => ({ name, options, price })),
    total: Math.round(order.items.reduce((sum, item) => sum + item.price, 0) * 100) / 100,
    shipments: order.fulfillments.map((f) => ({
      trackingIds: f.tracking_id,
      carrier: f.carrier ?? null,
      items: f.item_ids.map((id) => itemName.get(id) ?? id),
      shippedAt: f.shipped_at ?? null,
      estimatedDelivery: f.estimated_delivery ?? null,
      deliveredAt: f.delivered_at ?? null,
    })),
    shipTo: `${order.address.city}, ${order.address.state} ${order.address.zip}`,
  };
}
