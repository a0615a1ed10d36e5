import { Order } from './shop.model';

/** What a verified customer may see of one order. */
export interface OrderSummary {
  orderId: string;
  status: string;
  items: Array<{ itemId: string; name: string; options: Record<string, string>; price: number }>;
  /** Payment methods the order was paid with: where a refund goes back to. */
  paidWith: string[];
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
    items: order.items.map(({ item_id, name, options, price }) => ({ itemId: item_id, name, options, price })),
    paidWith: [...new Set(order.payment_history.filter((p) => p.transaction_type === 'payment').map((p) => p.payment_method_id))],
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
