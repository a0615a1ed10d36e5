import { createServerDatabase, ServerDatabase } from '../support/server-database';
import { GatewayProcess, spawnGateway } from '../support/gateway.process';
import { eventually, FakeTwilio, InboundWebhookBuilder, startFakeTwilio, TwilioWebhookClient, WebhookParams } from '../servers/twilio';

const ACCOUNT_SID = `AC${'c4'.repeat(16)}`;
const AUTH_TOKEN = 'crash-twilio-auth-token';
const PUBLIC_BASE_URL = 'https://support.example.test';
const OUR_NUMBER = '+15550001000';
const GRACE_MS = 2_000;
const INTERVAL_MS = 200;

/** kill -9 of the gateway process, as an operator (or the OOM killer) would, then a restart on the same database. */
describe('SMS across a kill -9 of the gateway', () => {
  let fake: FakeTwilio;
  let database: ServerDatabase;
  let gateway: GatewayProcess | undefined;

  const start = (env: Record<string, string> = {}) =>
    spawnGateway({
      DATABASE_URL: database.url,
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
      TWILIO_SMS_FROM: OUR_NUMBER,
      TWILIO_RATE_LIMIT_MESSAGES: '1000',
      TWILIO_API_TIMEOUT_MS: '1500',
      TWILIO_RECOVERY_INTERVAL_MS: String(INTERVAL_MS),
      TWILIO_UNKNOWN_GRACE_MS: String(GRACE_MS),
      ...env,
    });
  const webhooks = (running: GatewayProcess) => new TwilioWebhookClient(running.url, PUBLIC_BASE_URL, AUTH_TOKEN);
  const sms = (from: string, body: string) => InboundWebhookBuilder.sms(ACCOUNT_SID, OUR_NUMBER).from(from).body(body).build();
  const sentTo = (number: string) => fake.sent.filter((m) => m.to === number);
  /** Long enough for a lookup to give up on a send and for any second send to have happened. */
  const quietPeriod = () => new Promise((resolve) => setTimeout(resolve, GRACE_MS + 10 * INTERVAL_MS));

  beforeEach(async () => {
    fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    database = await createServerDatabase();
  });
  afterEach(async () => {
    await gateway?.kill();
    gateway = undefined;
    await fake?.close();
    await database?.drop();
  });

  it('answers every acknowledged message exactly once when killed mid-burst', async () => {
    const customers = Array.from({ length: 40 }, (_, i) => `+1503556${String(1000 + i)}`);
    const acknowledged = new Set<string>();
    gateway = await start();
    // Replies are in flight at Twilio when the process dies.
    fake.setLatency(150);
    const first = gateway;
    const client = webhooks(first);
    let next = 0;
    const sender = async () => {
      while (next < customers.length) {
        const customer = customers[next++];
        const answer = await client.post('/twilio/messaging', sms(customer, 'What is your return policy?')).catch(() => null);
        if (answer?.status === 200) acknowledged.add(customer);
        if (acknowledged.size === 15) await first.kill();
      }
    };
    await Promise.all(Array.from({ length: 6 }, sender));
    const answeredBeforeKill = customers.filter((c) => sentTo(c).length > 0).length;

    fake.setLatency(0);
    gateway = await start();
    await eventually(() => [...acknowledged].every((c) => sentTo(c).length > 0), 60_000).catch(() => undefined);
    await quietPeriod();

    const counts = customers.map((c) => sentTo(c).length);
    const acked = customers.filter((c) => acknowledged.has(c)).map((c) => sentTo(c).length);
    const summary = {
      sent: customers.length,
      acknowledged: acknowledged.size,
      answeredBeforeKill,
      answeredOnce: acked.filter((n) => n === 1).length,
      answeredTwice: counts.filter((n) => n > 1).length,
      neverAnswered: acked.filter((n) => n === 0).length,
    };
    console.log(`kill -9 mid-burst: ${JSON.stringify(summary)}`);
    expect(acknowledged.size).toBeGreaterThanOrEqual(15);
    expect(acknowledged.size).toBeLessThan(customers.length);
    expect(summary).toMatchObject({ answeredOnce: acknowledged.size, answeredTwice: 0, neverAnswered: 0 });
  }, 300_000);

  it('answers a message redelivered after a crash before its reply went out, once', async () => {
    const customer = '+15035569001';
    // The process dies while Twilio is being asked to send the reply, and Twilio never took it.
    gateway = await start({ TWILIO_API_TIMEOUT_MS: '60000' });
    fake.quirkNext({ kind: 'swallow' });
    const params: WebhookParams = sms(customer, 'What is your return policy?');
    expect((await webhooks(gateway).post('/twilio/messaging', params)).status).toBe(200);
    await eventually(() => fake.requests.some((r) => r.status === 0), 30_000);
    await gateway.kill();
    expect(sentTo(customer)).toHaveLength(0);

    gateway = await start();
    // Twilio redelivers what it believes was not answered (its retry, or an operator's replay).
    expect((await webhooks(gateway).post('/twilio/messaging', params)).status).toBe(200);
    const [reply] = await eventually(() => sentTo(customer).length > 0 && sentTo(customer), 60_000);
    await quietPeriod();
    expect(reply.body).toMatch(/30 days/);
    expect(sentTo(customer)).toHaveLength(1);
  }, 300_000);
});
