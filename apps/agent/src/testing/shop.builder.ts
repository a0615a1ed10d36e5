import { Order, ShopData, ShopUserRecord } from '../orders/shop.model';

/** Small shops for specs: safe defaults, override what the test is about. */
export class ShopBuilder {
  private readonly data: ShopData = { users: {}, products: {}, orders: {} };

  static create(): ShopBuilder {
    return new ShopBuilder();
  }

  user(userId: string, overrides: Partial<ShopUserRecord> = {}): this {
    this.data.users[userId] = {
      name: { first_name: 'Test', last_name: userId },
      address: { address1: '1 Main St', address2: '', city: 'Springfield', country: 'USA', state: 'IL', zip: '62701' },
      email: `${userId}@example.com`,
      payment_methods: { credit_card_1: { source: 'credit_card', id: 'credit_card_1', brand: 'visa', last_four: '4242' } },
      orders: [],
      ...overrides,
    };
    return this;
  }

  order(orderId: string, userId: string, overrides: Partial<Order> = {}): this {
    const user = this.data.users[userId];
    this.data.products['p1'] ??= {
      name: 'Trail Backpack',
      product_id: 'p1',
      variants: { i1: { item_id: 'i1', options: { color: 'green' }, available: true, price: 89.5 } },
    };
    this.data.orders[orderId] = {
      order_id: orderId,
      user_id: userId,
      address: user.address,
      items: [{ name: 'Trail Backpack', product_id: 'p1', item_id: 'i1', price: 89.5, options: { color: 'green' } }],
      fulfillments: [],
      status: 'pending',
      payment_history: [{ transaction_type: 'payment', amount: 89.5, payment_method_id: 'credit_card_1' }],
      ...overrides,
    };
    user.orders.push(orderId);
    return this;
  }

  build(): ShopData {
    return this.data;
  }
}
