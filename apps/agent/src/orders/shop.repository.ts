import { Database, Queryable } from '@support/platform';
import { Order, ShopData, ShopUser } from './shop.model';

interface UserRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  phone: string | null;
  address: ShopUser['address'];
  payment_methods: ShopUser['payment_methods'];
}

interface OrderRow {
  id: string;
  user_id: string;
  address: Order['address'];
  items: Order['items'];
  fulfillments: Order['fulfillments'];
  status: string;
  payment_history: Order['payment_history'];
}

/** Users, products and orders of the shop, stored in the product's Postgres. */
export class ShopRepository {
  constructor(private readonly db: Database) {}

  async isEmpty(): Promise<boolean> {
    const { rows } = await this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM shop_users`);
    return rows[0].n === 0;
  }

  /** Loads a whole shop (the demo, or τ-bench's retail database) in one transaction. */
  async importShop(data: ShopData): Promise<{ users: number; products: number; orders: number }> {
    await this.db.transaction(async (tx) => {
      for (const [userId, user] of Object.entries(data.users)) await insertUser(tx, { ...user, user_id: userId });
      for (const product of Object.values(data.products)) {
        await tx.query(`INSERT INTO shop_products (id, name, variants) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
          product.product_id, product.name, JSON.stringify(product.variants),
        ]);
      }
      for (const order of Object.values(data.orders)) await insertOrder(tx, order);
    });
    return { users: Object.keys(data.users).length, products: Object.keys(data.products).length, orders: Object.keys(data.orders).length };
  }

  async findOrder(orderId: string): Promise<Order | null> {
    const { rows } = await this.db.query<OrderRow>(`SELECT * FROM shop_orders WHERE id = $1`, [orderId]);
    return rows[0] ? toOrder(rows[0]) : null;
  }

  async ordersOfUser(userId: string): Promise<Order[]> {
    const { rows } = await this.db.query<OrderRow>(`SELECT * FROM shop_orders WHERE user_id = $1 ORDER BY seq`, [userId]);
    return rows.map(toOrder);
  }

  async findUser(userId: string): Promise<ShopUser | null> {
    const { rows } = await this.db.query<UserRow>(`SELECT * FROM shop_users WHERE id = $1`, [userId]);
    return rows[0] ? this.toUser(rows[0]) : null;
  }

  async findUserByEmail(email: string): Promise<ShopUser | null> {
    const { rows } = await this.db.query<UserRow>(`SELECT * FROM shop_users WHERE lower(email) = lower($1) LIMIT 1`, [email]);
    return rows[0] ? this.toUser(rows[0]) : null;
  }

  async findUserByPhone(phone: string): Promise<ShopUser | null> {
    const { rows } = await this.db.query<UserRow>(`SELECT * FROM shop_users WHERE phone = $1 LIMIT 1`, [phone]);
    return rows[0] ? this.toUser(rows[0]) : null;
  }

  private async toUser(row: UserRow): Promise<ShopUser> {
    const { rows } = await this.db.query<{ id: string }>(`SELECT id FROM shop_orders WHERE user_id = $1 ORDER BY seq`, [row.id]);
    return {
      user_id: row.id,
      name: { first_name: row.first_name, last_name: row.last_name },
      address: row.address,
      email: row.email,
      ...(row.phone ? { phone: row.phone } : {}),
      payment_methods: row.payment_methods,
      orders: rows.map((r) => r.id),
    };
  }
}

async function insertUser(tx: Queryable, user: ShopUser): Promise<void> {
  await tx.query(
    `INSERT INTO shop_users (id, first_name, last_name, email, phone, address, payment_methods) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO NOTHING`,
    [user.user_id, user.name.first_name, user.name.last_name, user.email, user.phone ?? null, JSON.stringify(user.address), JSON.stringify(user.payment_methods)],
  );
}

async function insertOrder(tx: Queryable, order: Order): Promise<void> {
  await tx.query(
    `INSERT INTO shop_orders (id, user_id, address, items, fulfillments, status, payment_history) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO NOTHING`,
    [order.order_id, order.user_id, JSON.stringify(order.address), JSON.stringify(order.items), JSON.stringify(order.fulfillments), order.status, JSON.stringify(order.payment_history)],
  );
}

function toOrder(row: OrderRow): Order {
  return {
    order_id: row.id,
    user_id: row.user_id,
    address: row.address,
    items: row.items,
    fulfillments: row.fulfillments,
    status: row.status,
    payment_history: row.payment_history,
  };
}
