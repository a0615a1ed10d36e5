import { Migration } from '@support/platform';

export const shopMigrations: Migration[] = [
  {
    id: 'shop-001-orders',
    sql: `
CREATE TABLE shop_users (
  id text PRIMARY KEY,
  first_name text NOT NULL,
  last_name text NOT NULL,
  email text NOT NULL,
  phone text,
  address jsonb NOT NULL,
  payment_methods jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX shop_users_email_idx ON shop_users (lower(email));
CREATE INDEX shop_users_phone_idx ON shop_users (phone);
CREATE TABLE shop_products (
  id text PRIMARY KEY,
  name text NOT NULL,
  variants jsonb NOT NULL
);
CREATE TABLE shop_orders (
  id text PRIMARY KEY,
  user_id text NOT NULL REFERENCES shop_users(id),
  address jsonb NOT NULL,
  items jsonb NOT NULL,
  fulfillments jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL,
  payment_history jsonb NOT NULL DEFAULT '[]',
  seq bigserial,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX shop_orders_user_idx ON shop_orders (user_id, seq);
`,
  },
  {
    // What the retail tools record on an order: the cancel reason, and a pending return or exchange request.
    id: 'shop-002-order-requests',
    sql: `
ALTER TABLE shop_orders ADD COLUMN cancel_reason text;
ALTER TABLE shop_orders ADD COLUMN return_request jsonb;
ALTER TABLE shop_orders ADD COLUMN exchange_request jsonb;
`,
  },
];
