import { Order, ShopUser } from './shop.model';

/** A row of shop_users; the name is split into columns, the rest is τ-bench-shaped jsonb. */
export interface UserRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  address: ShopUser['address'];
  payment_methods: ShopUser['payment_methods'];
}

export interface ReturnRequest {
  items: string[];
  payment_method_id: string;
}

export interface ExchangeRequest {
  items: string[];
  new_items: string[];
  payment_method_id: string;
  price_difference: number;
}

/** A row of shop_orders: τ-bench's flat `return_*` / `exchange_*` fields are kept as one request column each. */
export interface OrderRow {
  id: string;
  user_id: string;
  address: Order['address'];
  items: Order['items'];
  fulfillments: Order['fulfillments'];
  status: string;
  payment_history: Order['payment_history'];
  cancel_reason: Order['cancel_reason'] | null;
  return_request: ReturnRequest | null;
  exchange_request: ExchangeRequest | null;
}

export const ORDER_COLUMNS = 'id, user_id, address, items, fulfillments, status, payment_history, cancel_reason, return_request, exchange_request';

export function toOrder(row: OrderRow): Order {
  return {
    order_id: row.id,
    user_id: row.user_id,
    address: row.address,
    items: row.items,
    fulfillments: row.fulfillments,
    status: row.status,
    payment_history: row.payment_history,
    ...(row.cancel_reason ? { cancel_reason: row.cancel_reason } : {}),
    ...(row.return_request ? { return_items: row.return_request.items, return_payment_method_id: row.return_request.payment_method_id } : {}),
    ...(row.exchange_request
      ? {
          exchange_items: row.exchange_request.items,
          exchange_new_items: row.exchange_request.new_items,
          exchange_payment_method_id: row.exchange_request.payment_method_id,
          exchange_price_difference: row.exchange_request.price_difference,
        }
      : {}),
  };
}

/** The order's request columns, from τ-bench's flat fields (null where the order has none). */
export function orderRequests(order: Order): Pick<OrderRow, 'cancel_reason' | 'return_request' | 'exchange_request'> {
  return {
    cancel_reason: order.cancel_reason ?? null,
    return_request: order.return_items ? { items: order.return_items, payment_method_id: order.return_payment_method_id ?? '' } : null,
    exchange_request: order.exchange_items
      ? {
          items: order.exchange_items,
          new_items: order.exchange_new_items ?? [],
          payment_method_id: order.exchange_payment_method_id ?? '',
          price_difference: order.exchange_price_difference ?? 0,
        }
      : null,
  };
}

export function toUser(row: UserRow, orderIds: string[]): ShopUser {
  return {
    user_id: row.id,
    name: { first_name: row.first_name, last_name: row.last_name },
    address: row.address,
    email: row.email,
    ...(row.phone ? { phone: row.phone } : {}),
    payment_methods: row.payment_methods,
    orders: orderIds,
  };
}
