import { Order, ShopRepository } from '@support/agent';
import { Conversation, CustomerIdentity, Message } from '@support/conversation';
import { CustomerOrders } from './customer-orders';

const order = (id: string, prices: number[]): Order =>
  ({
    order_id: id,
    status: 'pending',
    items: prices.map((price, i) => ({ name: `Item ${i}`, product_id: 'p', item_id: `i${i}`, price, options: { size: 'M', color: 'red' } })),
  }) as unknown as Order;

/** The shop as this reader uses it: Maya's account, found by her phone number. */
const shop = {
  ordersOfUser: async (userId: string) => (userId === 'maya' ? [order('#W1', [0.1, 0.2]), order('#W2', [19.99])] : []),
  findUserByPhone: async (phone: string) => (phone === '+15035550147' ? { user_id: 'maya' } : null),
  findUserByEmail: async () => null,
  findUser: async (userId: string) => ({ user_id: userId }),
} as unknown as ShopRepository;

const conversation = (verifiedShopUserId: string | null) => ({ verifiedShopUserId }) as Conversation;
const phone = (verified: boolean): CustomerIdentity => ({ kind: 'phone', address: '+15035550147', customerId: 'cus_1', verified });

describe(CustomerOrders.name, () => {
  const orders = new CustomerOrders(shop);

  it('lists the orders of the account a channel-verified phone number belongs to, totals in whole cents', async () => {
    expect(await orders.of(conversation(null), [phone(true)])).toEqual({
      verified: true,
      shopUserId: 'maya',
      orders: [
        { id: '#W1', status: 'pending', items: [expect.objectContaining({ options: 'M, red', price: 0.1 }), expect.anything()], total: 0.3 },
        expect.objectContaining({ id: '#W2', total: 19.99 }),
      ],
    });
  });

  it('shows nothing for a phone number the customer only typed', async () => {
    expect(await orders.of(conversation(null), [phone(false)])).toEqual({ verified: false });
  });

  it('shows nothing when the channel said the sender of the latest message is not the verified phone (a spoofed call)', async () => {
    const spoofed = { author: 'customer', senderVerified: false } as Message;
    expect(await orders.of(conversation(null), [phone(true)], [spoofed])).toEqual({ verified: false });
  });

  it('prefers the account the conversation itself proved', async () => {
    expect(await orders.of(conversation('someone_else'), [phone(true)])).toEqual({ verified: true, shopUserId: 'someone_else', orders: [] });
  });
});
