/**
 * The shop's order domain, in the shape of τ-bench's retail database (users, products with
 * variants, orders with items, fulfilments and payment history), so that database imports as is.
 * Fields τ-bench lacks (phone, carrier, dates) are optional.
 */
export interface ShopAddress {
  address1: string;
  address2: string;
  city: string;
  country: string;
  state: string;
  zip: string;
}

export interface PaymentMethod {
  source: 'credit_card' | 'paypal' | 'gift_card';
  id: string;
  brand?: string;
  last_four?: string;
  balance?: number;
}

export interface ShopUser {
  user_id: string;
  name: { first_name: string; last_name: string };
  address: ShopAddress;
  email: string;
  phone?: string;
  payment_methods: Record<string, PaymentMethod>;
  orders: string[];
}

export interface ProductVariant {
  item_id: string;
  options: Record<string, string>;
  available: boolean;
  price: number;
}

export interface Product {
  name: string;
  product_id: string;
  variants: Record<string, ProductVariant>;
}

export interface OrderItem {
  name: string;
  product_id: string;
  item_id: string;
  price: number;
  options: Record<string, string>;
}

export interface Fulfillment {
  tracking_id: string[];
  item_ids: string[];
  carrier?: string;
  shipped_at?: string;
  estimated_delivery?: string;
  delivered_at?: string;
}

export interface PaymentRecord {
  transaction_type: 'payment' | 'refund';
  amount: number;
  payment_method_id: string;
}

export type OrderStatus = 'pending' | 'pending (item modified)' | 'processed' | 'delivered' | 'cancelled' | 'return requested' | 'exchange requested' | string;

export type CancelReason = 'no longer needed' | 'ordered by mistake';

export interface Order {
  order_id: string;
  user_id: string;
  address: ShopAddress;
  items: OrderItem[];
  fulfillments: Fulfillment[];
  status: OrderStatus;
  payment_history: PaymentRecord[];
  /** Set when the order was cancelled through the tools. */
  cancel_reason?: CancelReason;
  /** Set by a return request: the returned item ids (sorted) and where the refund goes. */
  return_items?: string[];
  return_payment_method_id?: string;
  /** Set by an exchange request: old and new item ids (each sorted), who pays or receives the difference, and the difference. */
  exchange_items?: string[];
  exchange_new_items?: string[];
  exchange_payment_method_id?: string;
  exchange_price_difference?: number;
}

/** A user as τ-bench's users.json stores it: the user id is the key, not a field. */
export type ShopUserRecord = Omit<ShopUser, 'user_id'>;

export interface ShopData {
  users: Record<string, ShopUserRecord>;
  products: Record<string, Product>;
  orders: Record<string, Order>;
}
