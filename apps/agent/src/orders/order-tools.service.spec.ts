import { inMemoryShop } from '../testing/in-memory-shop';
import { ShopBuilder } from '../testing/shop.builder';
import { OrderAccessContext } from './order-tools';
import { OrderToolsService } from './order-tools.service';

describe(OrderToolsService.name, () => {
  const data = ShopBuilder.create()
    .user('ada', { email: 'ada@example.com', phone: '+15551230001' })
    .user('bob', { email: 'bob@example.com', address: { address1: '9 Elm St', address2: '', city: 'Austin', country: 'USA', state: 'TX', zip: '73301' } })
    .order('#W1000001', 'ada', { status: 'processed', fulfillments: [{ tracking_id: ['1Z999'], item_ids: ['i1'], carrier: 'UPS' }] })
    .order('#W1000002', 'ada')
    .order('#W2000001', 'bob')
    .build();
  let shop: Awaited<ReturnType<typeof inMemoryShop>>;
  let remembered: string[];

  beforeAll(async () => {
    shop = await inMemoryShop(data);
  });
  afterAll(() => shop.close());
  beforeEach(() => {
    remembered = [];
  });

  function session(overrides: Partial<OrderAccessContext> = {}) {
    return new OrderToolsService(shop.shop).forConversation({
      conversationId: 'conv_1',
      verifiedShopUserId: null,
      verifiedIdentities: [],
      rememberVerified: async (id) => void remembered.push(id),
      ...overrides,
    });
  }

  it('shows an order to a customer who gives its number with the email on file, and remembers them', async () => {
    const result = await session().lookupOrder({ orderId: 'W1000001', email: 'ADA@example.com' });
    expect(result).toMatchObject({ ok: true, data: { orderId: '#W1000001', status: 'processed', shipments: [{ carrier: 'UPS', trackingIds: ['1Z999'] }] } });
    expect(remembered).toEqual(['ada']);
  });

  it('accepts the ZIP code of the order instead of the email', async () => {
    expect(await session().lookupOrder({ orderId: '#W2000001', zip: '73301' })).toMatchObject({ ok: true });
  });

  it('asks for proof before showing anything when only the order number is given', async () => {
    expect(await session().lookupOrder({ orderId: '#W1000001' })).toMatchObject({ ok: false, code: 'needs_verification' });
  });

  it("never shows another customer's order, and answers a wrong email like a missing order", async () => {
    const wrongEmail = await session().lookupOrder({ orderId: '#W2000001', email: 'ada@example.com' });
    const missing = await session().lookupOrder({ orderId: '#W9999999', email: 'ada@example.com' });
    expect(wrongEmail).toEqual(missing);
    expect(JSON.stringify(wrongEmail)).not.toContain('Austin');
    expect(remembered).toEqual([]);
  });

  it('keeps a verified customer to their own orders, even with the other customer\'s details', async () => {
    const result = await session({ verifiedShopUserId: 'ada' }).lookupOrder({ orderId: '#W2000001', email: 'bob@example.com' });
    expect(result).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('recognises a customer by the phone number the channel vouches for', async () => {
    const result = await session({ verifiedIdentities: [{ kind: 'phone', address: '+15551230001' }] }).listOrders();
    expect(result.ok && result.data.map((o) => o.orderId)).toEqual(['#W1000001', '#W1000002']);
  });

  it('does not list orders for an unverified web visitor', async () => {
    expect(await session().listOrders()).toMatchObject({ ok: false, code: 'needs_verification' });
  });

  it('rejects something that is not an order number with a clear message', async () => {
    const result = await session().lookupOrder({ orderId: 'DROP TABLE', email: 'ada@example.com' });
    expect(result).toMatchObject({ ok: false, code: 'invalid_argument' });
  });
});
