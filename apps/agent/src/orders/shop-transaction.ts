import { Queryable } from '@support/platform';
import { Order, Product, ShopUser } from './shop.model';
import { ORDER_COLUMNS, OrderRow, orderRequests, toOrder, toUser, UserRow } from './shop-rows';

/** The shop inside one transaction: rows read for update are locked until it commits or rolls back. */
export class ShopTransaction {
  constructor(private readonly tx: Queryable) {}

  async orderForUpdate(orderId: string): Promise<Order | null> {
    const { rows } = await this.tx.query<OrderRow>(`SELECT ${ORDER_COLUMNS} FROM shop_orders WHERE id = $1 FOR UPDATE`, [orderId]);
    return rows[0] ? toOrder(rows[0]) : null;
  }

  async userForUpdate(userId: string): Promise<ShopUser | null> {
    const { rows } = await this.tx.query<UserRow>(`SELECT * FROM shop_users WHERE id = $1 FOR UPDATE`, [userId]);
    if (!rows[0]) return null;
    const orders = await this.tx.query<{ id: string }>(`SELECT id FROM shop_orders WHERE user_id = $1 ORDER BY seq`, [userId]);
    return toUser(
      rows[0],
      orders.rows.map((r) => r.id),
    );
  }

  async product(productId: string): Promise<Product | null> {
    const { rows } = await this.tx.query<{ id: string; name: string; variants: Product['variants'] }>(
      `SELECT id, name, variants FROM shop_products WHERE id = $1`,
      [productId],
    );
    return rows[0] ? { name: rows[0].name, product_id: rows[0].id, variants: rows[0].variants } : null;
  }

  /** Writes everything an order action may change: address, items, status, payments and requests. */
  async saveOrder(order: Order): Promise<void> {
    const requests = orderRequests(order);
    await this.tx.query(
      `UPDATE shop_orders SET address = $2, items = $3, status = $4, payment_history = $5, cancel_reason = $6, return_request = $7, exchange_request = $8, updated_at = now()
       WHERE id = $1`,
      [
        order.order_id,
        JSON.stringify(order.address),
        JSON.stringify(order.items),
        order.status,
        JSON.stringify(order.payment_history),
        requests.cancel_reason,
        requests.return_request && JSON.stringify(requests.return_request),
        requests.exchange_request && JSON.stringify(requests.exchange_request),
      ],
    );
  }

  /** Writes what account actions may change: the default address and payment methods (gift-card balances). */
  async saveUser(user: ShopUser): Promise<void> {
    await this.tx.query(`UPDATE shop_users SET address = $2, payment_methods = $3 WHERE id = $1`, [
      user.user_id,
      JSON.stringify(user.address),
      JSON.stringify(user.payment_methods),
    ]);
  }
}
