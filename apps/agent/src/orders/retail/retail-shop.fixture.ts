import { ShopData } from '../shop.model';

/**
 * A small retail shop for specs: ada has a pending and a delivered order and a gift card; bob has one
 * pending order. The kettle comes in three variants (one unavailable), the lamp in one.
 */
export function retailShopFixture(): ShopData {
  const address = { address1: '1 Main St', address2: '', city: 'Springfield', country: 'USA', state: 'IL', zip: '62701' };
  const kettle = (itemId: string, color: string, price: number, available = true) => ({ item_id: itemId, options: { color }, available, price });
  return {
    users: {
      ada_1: {
        name: { first_name: 'Ada', last_name: 'Lovelace' },
        address,
        email: 'ada@example.com',
        payment_methods: {
          credit_card_1: { source: 'credit_card', id: 'credit_card_1', brand: 'visa', last_four: '4242' },
          gift_card_1: { source: 'gift_card', id: 'gift_card_1', balance: 50 },
          paypal_1: { source: 'paypal', id: 'paypal_1' },
        },
        orders: ['#W1000001', '#W1000002'],
      },
      bob_2: {
        name: { first_name: 'Bob', last_name: 'Stone' },
        address: { ...address, zip: '73301' },
        email: 'bob@example.com',
        payment_methods: { gift_card_2: { source: 'gift_card', id: 'gift_card_2', balance: 10 } },
        orders: ['#W2000001'],
      },
    },
    products: {
      p_kettle: {
        name: 'Tea Kettle',
        product_id: 'p_kettle',
        variants: { k_red: kettle('k_red', 'red', 40), k_blue: kettle('k_blue', 'blue', 55.5), k_gold: kettle('k_gold', 'gold', 99, false) },
      },
      p_lamp: {
        name: 'Desk Lamp',
        product_id: 'p_lamp',
        variants: { l_white: { item_id: 'l_white', options: { color: 'white' }, available: true, price: 30 } },
      },
    },
    orders: {
      '#W1000001': {
        order_id: '#W1000001',
        user_id: 'ada_1',
        address,
        items: [
          { name: 'Tea Kettle', product_id: 'p_kettle', item_id: 'k_red', price: 40, options: { color: 'red' } },
          { name: 'Desk Lamp', product_id: 'p_lamp', item_id: 'l_white', price: 30, options: { color: 'white' } },
        ],
        fulfillments: [],
        status: 'pending',
        payment_history: [{ transaction_type: 'payment', amount: 70, payment_method_id: 'gift_card_1' }],
      },
      '#W1000002': {
        order_id: '#W1000002',
        user_id: 'ada_1',
        address,
        items: [{ name: 'Tea Kettle', product_id: 'p_kettle', item_id: 'k_red', price: 40, options: { color: 'red' } }],
        fulfillments: [{ tracking_id: ['1Z1'], item_ids: ['k_red'] }],
        status: 'delivered',
        payment_history: [{ transaction_type: 'payment', amount: 40, payment_method_id: 'credit_card_1' }],
      },
      '#W2000001': {
        order_id: '#W2000001',
        user_id: 'bob_2',
        address: { ...address, zip: '73301' },
        items: [{ name: 'Desk Lamp', product_id: 'p_lamp', item_id: 'l_white', price: 30, options: { color: 'white' } }],
        fulfillments: [],
        status: 'pending',
        payment_history: [{ transaction_type: 'payment', amount: 30, payment_method_id: 'gift_card_2' }],
      },
    },
  };
}
