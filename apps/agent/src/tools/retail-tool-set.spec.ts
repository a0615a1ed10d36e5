import { migrate, PgliteDatabase } from '@support/platform';
import { retailShopFixture } from '../orders/retail/retail-shop.fixture';
import { RetailOrderService } from '../orders/retail/retail-order.service';
import { RetailSession } from '../orders/retail/retail-session';
import { shopMigrations } from '../orders/shop.migrations';
import { ShopRepository } from '../orders/shop.repository';
import { RetailToolSet } from './retail-tool-set';

describe(RetailToolSet.name, () => {
  let db: PgliteDatabase;
  let shop: ShopRepository;
  let retail: RetailOrderService;

  beforeAll(async () => {
    db = new PgliteDatabase();
    await migrate(db, shopMigrations);
    shop = new ShopRepository(db);
    retail = new RetailOrderService(shop);
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await shop.clear();
    await shop.importShop(retailShopFixture());
  });

  /** A conversation: one session; each turn's tool set says whether the customer just confirmed. */
  function conversation(options: { as?: string } = {}) {
    const session = new RetailSession({ authenticatedUserId: options.as });
    const call = async (name: string, input: Record<string, unknown>, confirmed = false) => {
      const execution = await new RetailToolSet(retail, { session, confirmed }).execute(name, input);
      return { ...execution, body: execution.record.isError ? JSON.parse(execution.content) : tryJson(execution.content) };
    };
    return { session, call };
  }

  it('refuses account data until the customer is found by email or by name and ZIP', async () => {
    const { call } = conversation();
    const before = await call('get_order_details', { order_id: '#W1000001' });
    expect(before.record.isError).toBe(true);
    expect(before.body.error).toBe('not_authenticated');

    expect((await call('find_user_id_by_name_zip', { first_name: 'ada', last_name: 'LOVELACE', zip: '62701' })).content).toBe('ada_1');
    const after = await call('get_order_details', { order_id: '#W1000001' });
    expect(after.body).toMatchObject({ order_id: '#W1000001', status: 'pending' });
  });

  it('helps one customer per conversation: a second customer is refused, and so is their data', async () => {
    const { call } = conversation();
    await call('find_user_id_by_email', { email: 'ada@example.com' });
    expect((await call('find_user_id_by_email', { email: 'bob@example.com' })).body.error).toBe('other_customer');
    expect((await call('get_user_details', { user_id: 'bob_2' })).body.error).toBe('other_customer');
    expect((await call('get_order_details', { order_id: '#W2000001' })).body.error).toBe('not_found');
    expect((await call('cancel_pending_order', { order_id: '#W2000001', reason: 'no longer needed' }, true)).body.error).toBe('not_found');
  });

  it('changes nothing until the customer explicitly confirms, then cancels and refunds a gift card at once', async () => {
    const { call } = conversation({ as: 'ada_1' });
    const unconfirmed = await call('cancel_pending_order', { order_id: '#W1000001', reason: 'no longer needed' });
    expect(unconfirmed.body.error).toBe('confirmation_required');
    expect((await shop.findOrder('#W1000001'))!.status).toBe('pending');

    const done = await call('cancel_pending_order', { order_id: '#W1000001', reason: 'no longer needed' }, true);
    expect(done.body).toMatchObject({ status: 'cancelled', cancel_reason: 'no longer needed' });
    expect(done.body.payment_history).toEqual([
      { transaction_type: 'payment', amount: 70, payment_method_id: 'gift_card_1' },
      { transaction_type: 'refund', amount: 70, payment_method_id: 'gift_card_1' },
    ]);
    expect((await shop.findUser('ada_1'))!.payment_methods.gift_card_1.balance).toBe(120);
  });

  it('only cancels pending orders and only for the two policy reasons', async () => {
    const { call } = conversation({ as: 'ada_1' });
    expect((await call('cancel_pending_order', { order_id: '#W1000002', reason: 'no longer needed' }, true)).body.error).toBe('invalid_state');
    expect((await call('cancel_pending_order', { order_id: '#W1000001', reason: 'found it cheaper' }, true)).body.error).toBe('invalid_argument');
  });

  it('modifies items once only, to available variants of the same product, settling the difference', async () => {
    const { call } = conversation({ as: 'ada_1' });
    const otherProduct = await call(
      'modify_pending_order_items',
      { order_id: '#W1000001', item_ids: ['k_red'], new_item_ids: ['l_white'], payment_method_id: 'credit_card_1' },
      true,
    );
    expect(otherProduct.body.error).toBe('invalid_argument');
    const unavailable = await call(
      'modify_pending_order_items',
      { order_id: '#W1000001', item_ids: ['k_red'], new_item_ids: ['k_gold'], payment_method_id: 'credit_card_1' },
      true,
    );
    expect(unavailable.body.error).toBe('invalid_state');

    const modified = await call(
      'modify_pending_order_items',
      { order_id: '#W1000001', item_ids: ['k_red'], new_item_ids: ['k_blue'], payment_method_id: 'gift_card_1' },
      true,
    );
    expect(modified.body).toMatchObject({
      status: 'pending (item modified)',
      items: [expect.objectContaining({ item_id: 'k_blue', price: 55.5, options: { color: 'blue' } }), expect.anything()],
    });
    expect(modified.body.payment_history.at(-1)).toEqual({ transaction_type: 'payment', amount: 15.5, payment_method_id: 'gift_card_1' });
    expect((await shop.findUser('ada_1'))!.payment_methods.gift_card_1.balance).toBe(34.5);

    const again = await call(
      'modify_pending_order_items',
      { order_id: '#W1000001', item_ids: ['k_blue'], new_item_ids: ['k_red'], payment_method_id: 'credit_card_1' },
      true,
    );
    expect(again.body.error).toBe('invalid_state');
    expect(again.body.message).toMatch(/only once/);
    expect((await call('cancel_pending_order', { order_id: '#W1000001', reason: 'ordered by mistake' }, true)).body.error).toBe('invalid_state');
  });

  it('refuses a gift card that cannot cover the amount, and moves balances when it can', async () => {
    const { call } = conversation({ as: 'bob_2' });
    await shop.clear();
    const data = retailShopFixture();
    data.orders['#W2000001'].payment_history[0].payment_method_id = 'credit_card_9';
    data.users.bob_2.payment_methods.credit_card_9 = { source: 'credit_card', id: 'credit_card_9', brand: 'visa', last_four: '1111' };
    await shop.importShop(data);
    expect((await call('modify_pending_order_payment', { order_id: '#W2000001', payment_method_id: 'gift_card_2' }, true)).body.error).toBe(
      'insufficient_balance',
    );
    expect((await call('modify_pending_order_payment', { order_id: '#W2000001', payment_method_id: 'credit_card_9' }, true)).body.error).toBe(
      'invalid_argument',
    );
  });

  it('switches payment: charges the new method, refunds the old one, gift cards at once', async () => {
    const { call } = conversation({ as: 'ada_1' });
    const switched = await call('modify_pending_order_payment', { order_id: '#W1000001', payment_method_id: 'paypal_1' }, true);
    expect(switched.body.payment_history.slice(1)).toEqual([
      { transaction_type: 'payment', amount: 70, payment_method_id: 'paypal_1' },
      { transaction_type: 'refund', amount: 70, payment_method_id: 'gift_card_1' },
    ]);
    expect((await shop.findUser('ada_1'))!.payment_methods.gift_card_1.balance).toBe(120);
  });

  it('returns delivered items to the original payment method or a gift card only', async () => {
    const { call } = conversation({ as: 'ada_1' });
    expect((await call('return_delivered_order_items', { order_id: '#W1000002', item_ids: ['k_red'], payment_method_id: 'paypal_1' }, true)).body.error).toBe(
      'invalid_argument',
    );
    expect(
      (await call('return_delivered_order_items', { order_id: '#W1000002', item_ids: ['k_red', 'k_red'], payment_method_id: 'gift_card_1' }, true)).body.error,
    ).toBe('not_found');
    const returned = await call('return_delivered_order_items', { order_id: '#W1000002', item_ids: ['k_red'], payment_method_id: 'gift_card_1' }, true);
    expect(returned.body).toMatchObject({ status: 'return requested', return_items: ['k_red'], return_payment_method_id: 'gift_card_1' });
  });

  it('exchanges delivered items once, recording the price difference without charging it yet', async () => {
    const { call } = conversation({ as: 'ada_1' });
    const exchanged = await call(
      'exchange_delivered_order_items',
      { order_id: '#W1000002', item_ids: ['k_red'], new_item_ids: ['k_blue'], payment_method_id: 'credit_card_1' },
      true,
    );
    expect(exchanged.body).toMatchObject({
      status: 'exchange requested',
      exchange_items: ['k_red'],
      exchange_new_items: ['k_blue'],
      exchange_price_difference: 15.5,
    });
    expect(exchanged.body.payment_history).toHaveLength(1);
    expect(
      (
        await call(
          'exchange_delivered_order_items',
          { order_id: '#W1000002', item_ids: ['k_red'], new_item_ids: ['k_blue'], payment_method_id: 'credit_card_1' },
          true,
        )
      ).body.error,
    ).toBe('invalid_state');
  });

  it("keeps a shop's return window: returns and exchanges start within it, never after it closed", async () => {
    const fixture = retailShopFixture();
    fixture.orders['#W1000002'].fulfillments[0].delivered_at = '2026-10-01T15:00:00Z';
    await shop.clear();
    await shop.importShop(fixture);
    const session = new RetailSession({ authenticatedUserId: 'ada_1' });
    const shopOn = (day: string) => new RetailToolSet(new RetailOrderService(shop, { days: 30, now: () => new Date(day) }), { session, confirmed: true });
    const returnKettle = { order_id: '#W1000002', item_ids: ['k_red'], payment_method_id: 'credit_card_1' };

    const late = await shopOn('2026-11-27T10:00:00Z').execute('return_delivered_order_items', returnKettle);
    expect(late.record.isError).toBe(true);
    expect(JSON.parse(late.content)).toMatchObject({
      error: 'invalid_state',
      message: expect.stringMatching(/delivered on 2026-10-01, more than 30 days ago/),
    });
    const lateExchange = await shopOn('2026-11-27T10:00:00Z').execute('exchange_delivered_order_items', { ...returnKettle, new_item_ids: ['k_blue'] });
    expect(JSON.parse(lateExchange.content)).toMatchObject({ error: 'invalid_state' });
    expect((await shop.findOrder('#W1000002'))?.status).toBe('delivered');

    const inTime = await shopOn('2026-10-30T10:00:00Z').execute('return_delivered_order_items', returnKettle);
    expect(JSON.parse(inTime.content)).toMatchObject({ status: 'return requested', return_items: ['k_red'] });
  });

  it("changes the customer's default address only for the authenticated customer, once confirmed", async () => {
    const { call } = conversation({ as: 'ada_1' });
    const address = { address1: '9 Elm St', address2: 'Apt 2', city: 'Austin', state: 'TX', country: 'USA', zip: '73301' };
    expect((await call('modify_user_address', { user_id: 'bob_2', ...address }, true)).body.error).toBe('other_customer');
    expect((await call('modify_user_address', { user_id: 'ada_1', ...address })).body.error).toBe('confirmation_required');
    await call('modify_user_address', { user_id: 'ada_1', ...address }, true);
    expect((await shop.findUser('ada_1'))!.address).toEqual({
      address1: '9 Elm St',
      address2: 'Apt 2',
      city: 'Austin',
      country: 'USA',
      state: 'TX',
      zip: '73301',
    });
  });

  it('answers bad arguments, unknown tools, the calculator and a transfer to a person', async () => {
    const { call } = conversation();
    expect((await call('get_order_details', {})).body).toMatchObject({ error: 'invalid_argument', message: expect.stringContaining('order_id') });
    expect((await call('refund_everything', {})).body.error).toBe('invalid_argument');
    expect((await call('calculate', { expression: '(55.5 - 40) * 2' })).content).toBe('31.0');
    const transfer = await call('transfer_to_human_agents', { summary: 'wants a price match' });
    expect(transfer.handoffRequested).toBe(true);
  });
});

function tryJson(content: string): any {
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}
