import { CUSTOMER_NOTICES } from '../../apps/gateway/src/twilio-messaging/customer-notices';
import { FakeTwilio, InboundWebhookBuilder, startFakeTwilio, TwilioWebhookClient } from '../servers/twilio';
import { eventually } from '../support/eventually';
import { GatewayProcess, spawnGateway } from '../support/gateway.process';
import { claimRedisDatabase, TestRedisDatabase } from '../support/redis-database';
import { createServerDatabase, ServerDatabase } from '../support/server-database';

const ACCOUNT_SID = `AC${'e7'.repeat(16)}`;
const AUTH_TOKEN = 'rate-limit-notice-auth-token';
const PUBLIC_BASE_URL = 'https://support.example.test';
const OUR_NUMBER = '+15550001000';

/**
 * The per-sender rate limit's notice ("you're sending messages faster than we can answer them") goes
 * out once per window, whichever gateway process takes the messages and however often one restarts:
 * each gateway below is over the limit for the customer, and only the first tells them. On Redis the
 * limit itself is shared too (every message after the first is over it); without Redis each process
 * counts its own (the first message to each is within it).
 */
describe.each([
  ['on Redis, with REDIS_URL', true, [1, 3, 5]],
  ['in the database, without REDIS_URL', false, [1, 2, 3]],
])('The rate-limit notice, shared %s', (_store, withRedis, limitedAfter) => {
  let fake: FakeTwilio;
  let database: ServerDatabase;
  let redis: TestRedisDatabase | undefined;
  const gateways: GatewayProcess[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    [fake, database, redis] = await Promise.all([
      startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }),
      createServerDatabase(),
      withRedis ? claimRedisDatabase() : Promise.resolve(undefined),
    ]);
    env = {
      DATABASE_URL: database.url,
      ...(redis ? { REDIS_URL: redis.url, REDIS_KEY_PREFIX: redis.keyPrefix } : {}),
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
      TWILIO_SMS_FROM: OUR_NUMBER,
      TWILIO_RATE_LIMIT_MESSAGES: '1',
      TWILIO_RATE_LIMIT_WINDOW_MS: '600000',
    };
    // One after the other: without Redis each indexes the help center as it starts.
    gateways.push(await spawnGateway(env));
    gateways.push(await spawnGateway(env));
  }, 240_000);
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.kill()));
    await fake?.close();
    await database?.drop();
    await redis?.release();
  }, 30_000);

  const customer = '+15035550188';
  const notices = () => fake.sent.filter((m) => m.to === customer && m.body === CUSTOMER_NOTICES.rateLimited);
  /** Messages the gateways found over the limit and have finished with (their notice sent, or not). */
  const limitedAndHandled = async () =>
    Number(
      (
        await database.db.query<{ count: string }>(
          `SELECT count(*) AS count FROM agent_turns t JOIN messages m ON m.id = t.message_id JOIN twilio_inbox i ON i.message_sid = m.channel_message_id
            WHERE t.gate_reason = 'not_answered:rate_limited' AND i.handled_at IS NOT NULL`,
        )
      ).rows[0].count,
    );
  /** Two messages to one gateway: the first within its limit, the second over it. */
  const flood = async (gateway: GatewayProcess, texts: [string, string]) => {
    const twilio = new TwilioWebhookClient(gateway.url, PUBLIC_BASE_URL, AUTH_TOKEN);
    for (const text of texts) {
      const answer = await twilio.post('/twilio/messaging', InboundWebhookBuilder.sms(ACCOUNT_SID, OUR_NUMBER).from(customer).body(text).build());
      expect(answer.status).toBe(200);
    }
  };

  it('tells a sender once, though two gateways and a restarted one each find them over the limit', async () => {
    await flood(gateways[0], ['Where is my order?', 'Hello? Where is my order?']);
    await eventually(async () => (await limitedAndHandled()) === limitedAfter[0], 30_000);
    expect(notices()).toHaveLength(1);

    await flood(gateways[1], ['Is anybody there?', 'Please answer']);
    await eventually(async () => (await limitedAndHandled()) === limitedAfter[1], 30_000);
    expect(notices()).toHaveLength(1);

    await gateways[0].kill();
    gateways[0] = await spawnGateway(env);
    await flood(gateways[0], ['Still waiting', 'Hello again']);
    await eventually(async () => (await limitedAndHandled()) === limitedAfter[2], 30_000);
    expect(notices()).toHaveLength(1);
  }, 240_000);
});
