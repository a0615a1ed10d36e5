import { CUSTOMER_NOTICES } from '../../apps/gateway/src/twilio-messaging/customer-notices';
import { FakeTwilio, InboundWebhookBuilder, startFakeTwilio, TwilioWebhookClient } from '../servers/twilio';
import { AgentWorkerProcess, spawnAgentWorker } from '../support/agent-worker.process';
import { postJson, SESSION_HEADER } from '../support/chat.client';
import { eventually } from '../support/eventually';
import { GatewayProcess, spawnGateway } from '../support/gateway.process';
import { claimRedisDatabase, TestRedisDatabase } from '../support/redis-database';
import { createServerDatabase, ServerDatabase } from '../support/server-database';

const ACCOUNT_SID = `AC${'c3'.repeat(16)}`;
const AUTH_TOKEN = 'rate-limit-replicas-auth-token';
const PUBLIC_BASE_URL = 'https://support.example.test';
const OUR_NUMBER = '+15550001000';
const SMS_LIMIT = 2;
const CHAT_LIMIT = 3;

/**
 * Two gateways behind a load balancer, sharing REDIS_URL: a customer's messages count against one limit, whichever
 * gateway takes each, so spreading them over replicas does not multiply what the customer may send.
 */
describe('Customer rate limits shared by the gateways of one installation (REDIS_URL)', () => {
  let fake: FakeTwilio;
  let database: ServerDatabase;
  let redis: TestRedisDatabase;
  let worker: AgentWorkerProcess;
  let gateways: GatewayProcess[] = [];

  beforeAll(async () => {
    [fake, database, redis] = await Promise.all([
      startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }),
      createServerDatabase(),
      claimRedisDatabase(),
    ]);
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: redis.keyPrefix,
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
      TWILIO_SMS_FROM: OUR_NUMBER,
      TWILIO_RATE_LIMIT_MESSAGES: String(SMS_LIMIT),
      TWILIO_RATE_LIMIT_WINDOW_MS: '600000',
      CHAT_RATE_LIMIT_PER_MINUTE: String(CHAT_LIMIT),
    };
    gateways = await Promise.all([spawnGateway(env), spawnGateway(env)]);
    worker = await spawnAgentWorker(env);
  }, 240_000);
  afterAll(async () => {
    worker?.signal('SIGKILL');
    await worker?.exited;
    await Promise.all(gateways.map((g) => g.kill()));
    await fake?.close();
    await database?.drop();
    await redis?.release();
  }, 30_000);

  /** The gateway the load balancer picks for the i-th request: each in turn. */
  const gateway = (i: number) => gateways[i % gateways.length];

  describe('on SMS', () => {
    const customer = '+15035550177';
    const limited = async () =>
      Number(
        (
          await database.db.query<{ count: string }>(
            `SELECT count(*) AS count FROM agent_turns t JOIN messages m ON m.id = t.message_id JOIN twilio_inbox i ON i.message_sid = m.channel_message_id
              WHERE t.gate_reason = 'not_answered:rate_limited' AND i.handled_at IS NOT NULL AND m.text LIKE 'replicas %'`,
          )
        ).rows[0].count,
      );

    it('stores but does not answer a sender once their messages to both gateways together pass the limit', async () => {
      const texts = ['replicas 1: where is my order?', 'replicas 2: hello?', 'replicas 3: anyone?', 'replicas 4: please answer'];
      for (const [i, text] of texts.entries()) {
        const twilio = new TwilioWebhookClient(gateway(i).url, PUBLIC_BASE_URL, AUTH_TOKEN);
        const answer = await twilio.post('/twilio/messaging', InboundWebhookBuilder.sms(ACCOUNT_SID, OUR_NUMBER).from(customer).body(text).build());
        expect(answer.status).toBe(200);
      }
      // Each gateway took two, within a per-process limit of 2; together they are two over it.
      await eventually(async () => (await limited()) === texts.length - SMS_LIMIT, 60_000);
      expect(fake.sent.filter((m) => m.to === customer && m.body === CUSTOMER_NOTICES.rateLimited)).toHaveLength(1);
    }, 120_000);
  });

  describe('on web chat', () => {
    const chat = (i: number, body: unknown, headers: Record<string, string>) => postJson(`${gateway(i).url}/api/chat`, body, headers);

    it('refuses new conversations from one address with 429 once both gateways together have taken the limit', async () => {
      const from = { 'X-Forwarded-For': '203.0.113.201' };
      const statuses: number[] = [];
      for (let i = 0; i < CHAT_LIMIT + 2; i++) statuses.push((await chat(i, { text: `Hi, question ${i}` }, from)).status);
      expect(statuses).toEqual([...Array(CHAT_LIMIT).fill(200), 429, 429]);
    }, 60_000);

    it('refuses messages of one conversation with 429 and a Retry-After once both gateways together have taken the limit', async () => {
      const from = { 'X-Forwarded-For': '203.0.113.202' };
      const started = await chat(0, { text: 'Hi' }, from);
      expect(started.status).toBe(200);
      const session = { ...from, [SESSION_HEADER]: started.body.sessionToken };
      const conversationId = started.body.conversationId;

      const answers = [];
      for (let i = 1; i <= CHAT_LIMIT + 1; i++) answers.push(await chat(i, { conversationId, text: `And another thing (${i})` }, session));

      expect(answers.map((a) => a.status)).toEqual([...Array(CHAT_LIMIT).fill(200), 429]);
      const retryAfter = Number(answers[CHAT_LIMIT].headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }, 60_000);
  });
});
