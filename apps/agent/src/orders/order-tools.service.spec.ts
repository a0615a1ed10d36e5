import { migrate } from '@support/platform';
import { inMemoryShop } from '../testing/in-memory-shop';
import { ShopBuilder } from '../testing/shop.builder';
import { CustomerWords } from '../verification/customer-words';
import { ProofAttemptRepository } from '../verification/proof-attempts.repository';
import { verificationMigrations } from '../verification/verification.migrations';
import { VerificationLockout } from '../verification/verification-lockout';
import { OrderAccessContext } from './order-tools';
import { OrderToolsService } from './order-tools.service';

describe(OrderToolsService.name, () => {
  const data = ShopBuilder.create()
    .user('ada', { email: 'ada@example.com', phone: '+15551230001' })
    .user('bob', { email: 'bob@example.com', address: { address1: '9 Elm St', address2: '', city: 'Austin', country: 'USA', state: 'TX', zip: '73301' } })
    .order('#W1000001', 'ada', { status: 'processed', fulfillments: [{ tracking_id: ['1Z999'], item_ids: ['i1'], carrier: 'UPS' }] })
    .order('#W1000002', 'ada')
    .order('#W2000001', 'bob')
    .order('#W3000001', 'bob')
    .order('#W3000002', 'bob')
    .order('#W3000003', 'bob')
    .order('#W3000004', 'bob')
    .build();
  let shop: Awaited<ReturnType<typeof inMemoryShop>>;
  let remembered: string[];

  let tools: OrderToolsService;
  let conversation = 0;

  beforeAll(async () => {
    shop = await inMemoryShop(data);
    await migrate(shop.db, verificationMigrations);
    tools = new OrderToolsService(
      shop.shop,
      new VerificationLockout(new ProofAttemptRepository(shop.db), { maxFailures: 3, windowMs: 60_000, maxFailuresPerDay: 5 }),
    );
  });
  afterAll(() => shop.close());
  beforeEach(() => {
    remembered = [];
    conversation++;
  });

  /** A conversation in which the customer wrote `said`; each test is a new conversation with its own failure count. */
  function session(overrides: Partial<OrderAccessContext> = {}, said = 'W1000001 W2000001 W9999999 ada@example.com bob@example.com 73301') {
    return tools.forConversation({
      conversationId: `conv_${conversation}`,
      verifiedShopUserId: null,
      verifiedIdentities: [],
      rememberVerified: async (id) => void remembered.push(id),
      customerWords: new CustomerWords([said]),
      proofScopes: [`conversation:conv_${conversation}`],
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

  it("keeps a verified customer to their own orders, even with the other customer's details", async () => {
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

  it('refuses an email the customer never wrote, without checking it', async () => {
    const result = await session({}, 'my order is W1000001').lookupOrder({ orderId: 'W1000001', email: 'ada@example.com' });
    expect(result).toMatchObject({ ok: false, code: 'not_given_by_customer', message: expect.stringContaining('not given by the customer') });
    expect(remembered).toEqual([]);
  });

  it('refuses an order number or ZIP code the customer never wrote', async () => {
    expect(await session({}, 'my zip is 73301').lookupOrder({ orderId: '#W2000001', zip: '73301' })).toMatchObject({ code: 'not_given_by_customer' });
    expect(await session({}, 'order W2000001').lookupOrder({ orderId: '#W2000001', zip: '73301' })).toMatchObject({ code: 'not_given_by_customer' });
  });

  it('counts the email the customer typed into the chat details form as theirs', async () => {
    const words = new CustomerWords(['where is W1000001?', 'ada@example.com']);
    expect(await session({ customerWords: words }).lookupOrder({ orderId: 'W1000001', email: 'ada@example.com' })).toMatchObject({ ok: true });
  });

  it('locks verification after three failed proofs, even for the right details', async () => {
    const said = 'W3000001 12345 23456 34567 73301';
    for (const zip of ['12345', '23456', '34567'])
      expect(await session({}, said).lookupOrder({ orderId: 'W3000001', zip })).toMatchObject({ code: 'not_found' });
    const right = await session({}, said).lookupOrder({ orderId: 'W3000001', zip: '73301' });
    expect(right).toMatchObject({
      ok: false,
      code: 'verification_locked',
      message: expect.stringMatching(/try again in about 1 minute\b.*member of the team/),
    });
    expect(remembered).toEqual([]);
  });

  it('adds up guesses spread over new conversations from one client address, and over addresses for one order', async () => {
    const said = 'W3000002 W3000003 11111 22222 33333 73301';
    const from = (address: string) => ({ proofScopes: [`conversation:conv_${++conversation}`, `client:${address}`] });
    for (const zip of ['11111', '22222', '33333']) await session(from('198.51.100.7'), said).lookupOrder({ orderId: 'W3000002', zip });
    expect(await session(from('198.51.100.7'), said).lookupOrder({ orderId: 'W3000003', zip: '73301' })).toMatchObject({ code: 'verification_locked' });
    expect(await session(from('198.51.100.8'), said).lookupOrder({ orderId: 'W3000002', zip: '73301' })).toMatchObject({ code: 'verification_locked' });
    expect(await session(from('198.51.100.8'), said).lookupOrder({ orderId: 'W3000003', zip: '73301' })).toMatchObject({ ok: true });
  });

  it("stops a guesser who waits out each window once a day's failures for the order add up", async () => {
    for (let hour = 2; hour <= 6; hour++) {
      await shop.db.query(
        `INSERT INTO proof_attempts (attempt_id, scope, outcome, attempted_at) VALUES ($1, 'order:#W3000004', 'failed', now() - $2::interval)`,
        [`old_${hour}`, `${hour} hours`],
      );
    }
    const result = await session({}, 'W3000004 73301').lookupOrder({ orderId: 'W3000004', zip: '73301' });
    expect(result).toMatchObject({ ok: false, code: 'verification_locked', message: expect.stringMatching(/try again in about 24 hours/) });
  });

  it('lets no more than three of a hundred parallel guesses be checked', async () => {
    const zips = Array.from({ length: 100 }, (_, i) => String(10000 + i * 7));
    const words = new CustomerWords([`W2000001 ${zips.join(' ')} 73301`]);
    const tried = await Promise.all([...zips.slice(0, 99), '73301'].map((zip) => session({ customerWords: words }).lookupOrder({ orderId: 'W2000001', zip })));
    expect(tried.filter((r) => !r.ok && r.code === 'not_found').length).toBeLessThanOrEqual(3);
    expect(tried.filter((r) => !r.ok && r.code === 'verification_locked').length).toBeGreaterThanOrEqual(96);
  });

  it('rejects something that is not an order number with a clear message', async () => {
    const result = await session().lookupOrder({ orderId: 'DROP TABLE', email: 'ada@example.com' });
    expect(result).toMatchObject({ ok: false, code: 'invalid_argument' });
  });
});
