import { Database, Queryable } from '@support/platform';
import { Order, Product, ShopData, ShopUser } from './shop.model';
import { ORDER_COLUMNS, OrderRow, orderRequests, toOrder, toUser, UserRow } from './shop-rows';
import { ShopTransaction } from './shop-transaction';

/** Users, products and orders of the shop, stored in the product's Postgres. */
export class ShopRepository {
  constructor(private readonly db: Database) {}

  async isEmpty(): Promise<boolean> {
    const { rows } = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM shop_users`);
    return rows[0].n === 0;
  }

  /**
   * Loads a whole shop (the demo, or τ-bench's retail database) in one transaction, one statement per
   * table; rows whose id already exists are left alone. Orders keep the file's order (a user's order list).
   */
  async importShop(data: ShopData): Promise<{ users: number; products: number; orders: number }> {
    const users = Object.entries(data.users).map(([userId, user]) => ({ ...user, user_id: userId }));
    const orders = Object.values(data.orders).map((order) => ({ ...order, ...orderRequests(order) }));
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO shop_users (id, first_name, last_name, email, phone, address, payment_methods)
         SELECT u->>'user_id', u->'name'->>'first_name', u->'name'->>'last_name', u->>'email', u->>'phone', u->'address', u->'payment_methods'
         FROM jsonb_array_elements($1::jsonb) AS u
         ON CONFLICT (id) DO NOTHING`,
        [JSON.stringify(users)],
      );
      await tx.query(
        `INSERT INTO shop_products (id, name, variants)
         SELECT p->>'product_id', p->>'name', p->'variants' FROM jsonb_array_elements($1::jsonb) AS p
         ON CONFLICT (id) DO NOTHING`,
        [JSON.stringify(Object.values(data.products))],
      );
      await tx.query(
        `INSERT INTO shop_orders (id, user_id, address, items, fulfillments, status, payment_history, cancel_reason, return_request, exchange_request)
         SELECT o->>'order_id', o->>'user_id', o->'address', o->'items', coalesce(o->'fulfillments', '[]'), o->>'status',
                coalesce(o->'payment_history', '[]'), o->>'cancel_reason', nullif(o->'return_request', 'null'), nullif(o->'exchange_request', 'null')
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(o, n)
         ORDER BY n
         ON CONFLICT (id) DO NOTHING`,
        [JSON.stringify(orders)],
      );
    });
    return { users: users.length, products: Object.keys(data.products).length, orders: orders.length };
  }

  /** The whole shop in τ-bench's JSON shape (users keyed by id with their order lists, products, orders). */
  async exportShop(): Promise<ShopData> {
    const [users, products, orders] = await Promise.all([
      this.db.query<UserRow>(`SELECT * FROM shop_users ORDER BY id`),
      this.db.query<{ id: string; name: string; variants: Product['variants'] }>(`SELECT id, name, variants FROM shop_products ORDER BY id`),
      this.db.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM shop_orders ORDER BY seq`),
    ]);
    const ordersOfUser = new Map<string, string[]>();
    for (const row of orders.rows) ordersOfUser.set(row.user_id, [...(ordersOfUser.get(row.user_id) ?? []), row.id]);
    const data: ShopData = { users: {}, products: {}, orders: {} };
    for (const row of users.rows) {
      const { user_id: _id, ...record } = toUser(row, ordersOfUser.get(row.id) ?? []);
      data.users[row.id] = record;
    }
    for (const row of products.rows) data.products[row.id] = { name: row.name, product_id: row.id, variants: row.variants };
    for (const row of orders.rows) data.orders[row.id] = toOrder(row);
    return data;
  }

  /** Empties the shop (orders, users, products); for a scratch store that is reloaded, never the live one. */
  async clear(): Promise<void> {
    await this.db.query(`TRUNCATE shop_orders, shop_users, shop_products`);
  }

  /** Runs `work` in one transaction; rows it reads for update stay locked until it ends. */
  transaction<T>(work: (tx: ShopTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(new ShopTransaction(tx)));
  }

  async findOrder(orderId: string): Promise<Order | null> {
    const { rows } = await this.db.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM shop_orders WHERE id = $1`, [orderId]);
    return rows[0] ? toOrder(rows[0]) : null;
  }

  async ordersOfUser(userId: string): Promise<Order[]> {
    const { rows } = await this.db.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM shop_orders WHERE user_id = $1 ORDER BY seq`, [userId]);
    return rows.map(toOrder);
  }

  async findUser(userId: string): Promise<ShopUser | null> {
    const { rows } = await this.db.query<UserRow>(`SELECT * FROM shop_users WHERE id = $1`, [userId]);
    return rows[0] ? this.withOrders(this.db, rows[0]) : null;
  }

  async findUserByEmail(email: string): Promise<ShopUser | null> {
    const { rows } = await this.db.query<UserRow>(`SELECT * FROM shop_users WHERE lower(email) = lower($1) ORDER BY id LIMIT 1`, [email]);
    return rows[0] ? this.withOrders(this.db, rows[0]) : null;
  }

  /** The account with this first name, last name (both case-insensitive) and address ZIP code. */
  async findUserByNameZip(firstName: string, lastName: string, zip: string): Promise<ShopUser | null> {
    const { rows } = await this.db.query<UserRow>(
      `SELECT * FROM shop_users WHERE lower(first_name) = lower($1) AND lower(last_name) = lower($2) AND address->>'zip' = $3 ORDER BY id LIMIT 1`,
      [firstName, lastName, zip],
    );
    return rows[0] ? this.withOrders(this.db, rows[0]) : null;
  }

  async findUserByPhone(phone: string): Promise<ShopUser | null> {
    const { rows } = await this.db.query<UserRow>(`SELECT * FROM shop_users WHERE phone = $1 LIMIT 1`, [phone]);
    return rows[0] ? this.withOrders(this.db, rows[0]) : null;
  }

  async findProduct(productId: string): Promise<Product | null> {
    const { rows } = await this.db.query<{ id: string; name: string; variants: Product['variants'] }>(
      `SELECT id, name, variants FROM shop_products WHERE id = $1`,
      [productId],
    );
    return rows[0] ? { name: rows[0].name, product_id: rows[0].id, variants: rows[0].variants } : null;
  }

  /** Every product's name and id. */
  async listProductTypes(): Promise<Array<{ name: string; product_id: string }>> {
    const { rows } = await this.db.query<{ id: string; name: string }>(`SELECT id, name FROM shop_products`);
    return rows.map((r) => ({ name: r.name, product_id: r.id }));
  }

  private async withOrders(q: Queryable, row: UserRow): Promise<ShopUser> {
    const { rows } = await q.query<{ id: string }>(`SELECT id FROM shop_orders WHERE user_id = $1 ORDER BY seq`, [row.id]);
    return toUser(
      row,
      rows.map((r) => r.id),
    );
  }
}
