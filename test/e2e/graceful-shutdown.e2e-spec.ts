import { FakeAnthropic, startFakeAnthropic } from '../servers/anthropic';
import { FakeTwilio, InboundWebhookBuilder, startFakeTwilio, TwilioWebhookClient } from '../servers/twilio';
import { ChatClient, getJson } from '../support/chat.client';
import { eventually } from '../support/eventually';
import { GatewayProcess, spawnGateway } from '../support/gateway.process';
import { createServerDatabase, ServerDatabase } from '../support/server-database';

const ACCOUNT_SID = `AC${'5d'.repeat(16)}`;
const AUTH_TOKEN = 'shutdown-twilio-auth-token';
const PUBLIC_BASE_URL = 'https://support.example.test';
const OUR_NUMBER = '+15550002000';
const QUESTION = 'Do you ship to Canada?';

/** `kill -TERM` of the gateway process, as a deploy or `docker stop` does, then a start on the same database. */
describe('The gateway on SIGTERM', () => {
  let claude: FakeAnthropic;
  let twilio: FakeTwilio;
  let database: ServerDatabase;
  let gateway: GatewayProcess | undefined;

  const start = (env: Record<string, string>) =>
    spawnGateway({
      DATABASE_URL: database.url,
      PUBLIC_BASE_URL,
      ANTHROPIC_API_KEY: 'test',
      ANTHROPIC_BASE_URL: claude.url,
      ANTHROPIC_MAX_RETRIES: '0',
      // The local router decides every message, so the model is asked only for the answer.
      ROUTER_CONFIDENCE_THRESHOLD: '0',
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: twilio.url,
      TWILIO_SMS_FROM: OUR_NUMBER,
      TWILIO_RECOVERY_INTERVAL_MS: '200',
      ...env,
    });
  const answerRequests = () => claude.requests.filter((r) => r.body?.tools?.some((t) => t.name === 'lookup_order'));
  const timedStop = async (running: GatewayProcess) => {
    const started = Date.now();
    const code = await running.stop('SIGTERM');
    return { code, elapsedMs: Date.now() - started };
  };

  beforeEach(async () => {
    [claude, twilio, database] = await Promise.all([
      startFakeAnthropic(),
      startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }),
      createServerDatabase(),
    ]);
  });
  afterEach(async () => {
    await gateway?.kill();
    gateway = undefined;
    await claude?.close();
    await twilio?.close();
    await database?.drop();
  });

  it('answers the web chat turn in flight, refuses new requests, and exits 0 within the grace period', async () => {
    const graceMs = 15_000;
    gateway = await start({ SHUTDOWN_GRACE_MS: String(graceMs) });
    claude.script({ delayMs: 3_000, reply: 'We ship only to addresses in the 50 US states.' });
    const customer = new ChatClient(gateway.url);
    const answered = customer.say(QUESTION);
    await eventually(() => answerRequests().length === 1, 30_000);

    const stopped = timedStop(gateway);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const late = await fetch(`${gateway.url}/healthz`).then(
      (r) => r.status,
      () => 'refused',
    );
    const { reply } = await answered;
    const { code, elapsedMs } = await stopped;

    expect([503, 'refused']).toContain(late);
    expect(reply).toBeTruthy();
    expect(code).toBe(0);
    expect(elapsedMs).toBeLessThan(graceMs);

    gateway = await start({});
    const history = await getJson(`${gateway.url}/api/chat/${customer.conversationId}/messages`, customer.sessionHeaders());
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).toContain(QUESTION);
    expect(JSON.stringify(history.body)).toContain(reply);
    const sameCustomer = Object.assign(new ChatClient(gateway.url, undefined, customer.clientAddress), {
      conversationId: customer.conversationId,
      sessionToken: customer.sessionToken,
    });
    expect((await sameCustomer.say('Thanks!')).reply).toBeTruthy();
  }, 240_000);

  it('leaves an SMS it had no time to answer stored, and the next start answers it once', async () => {
    const graceMs = 2_000;
    const customerNumber = '+15035550123';
    gateway = await start({ SHUTDOWN_GRACE_MS: String(graceMs) });
    claude.script({ delayMs: 30_000, reply: 'An answer that comes too late.' });
    const sms = InboundWebhookBuilder.sms(ACCOUNT_SID, OUR_NUMBER).from(customerNumber).body(QUESTION).build();
    const acknowledged = await new TwilioWebhookClient(gateway.url, PUBLIC_BASE_URL, AUTH_TOKEN).post('/twilio/messaging', sms);
    expect(acknowledged.status).toBe(200);
    await eventually(() => answerRequests().length === 1, 30_000);

    const { code, elapsedMs } = await timedStop(gateway);
    // The turn could not finish: the process gives up at the grace period, and says so in its exit code.
    expect(code).toBe(1);
    expect(elapsedMs).toBeLessThan(graceMs + 1_500);
    expect(twilio.sent.filter((m) => m.to === customerNumber)).toHaveLength(0);

    gateway = await start({});
    await eventually(() => twilio.sent.some((m) => m.to === customerNumber), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(twilio.sent.filter((m) => m.to === customerNumber)).toHaveLength(1);
  }, 240_000);
});
