import { RunningGateway, startGateway } from '../support/gateway.harness';
import { eventually, FakeTwilio, InboundWebhookBuilder, startFakeTwilio, statusCallbackParams, TwilioWebhookClient } from '../servers/twilio';

const ACCOUNT_SID = `AC${'d5'.repeat(16)}`;
const AUTH_TOKEN = 'unknown-outcome-auth-token';
const PUBLIC_BASE_URL = 'https://support.example.test';
const OUR_NUMBER = '+15550001000';
const API_TIMEOUT_MS = 500;
const GRACE_MS = 1_500;
const INTERVAL_MS = 100;

/** Sends Twilio may or may not have taken (a late answer, a cut connection) and messages stored before the webhook is answered. */
describe('SMS sends with an unknown outcome', () => {
  let fake: FakeTwilio;
  let gateway: RunningGateway;
  let twilio: TwilioWebhookClient;
  let nextNumber = 100;

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    gateway = await startGateway({
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
      TWILIO_SMS_FROM: OUR_NUMBER,
      TWILIO_API_TIMEOUT_MS: String(API_TIMEOUT_MS),
      TWILIO_RECOVERY_INTERVAL_MS: String(INTERVAL_MS),
      TWILIO_UNKNOWN_GRACE_MS: String(GRACE_MS),
    });
    twilio = new TwilioWebhookClient(gateway.url, PUBLIC_BASE_URL, AUTH_TOKEN);
  }, 120_000);
  afterEach(() => fake.reset());
  afterAll(async () => {
    await gateway?.close();
    await fake?.close();
  });

  const newCustomer = () => `+1503557${String(nextNumber++).padStart(4, '0')}`;
  const sms = (from: string, body: string) => InboundWebhookBuilder.sms(ACCOUNT_SID, OUR_NUMBER).from(from).body(body).build();
  const sentTo = (number: string) => fake.sent.filter((m) => m.to === number);
  const rows = (sql: string, params: unknown[] = []) => gateway.db.query<any>(sql, params).then((r) => r.rows);
  const deliveriesTo = (number: string) => rows(`SELECT * FROM twilio_deliveries WHERE to_address = $1 ORDER BY attempt`, [number]);
  /** Past the grace period, when a send Twilio does not know would be sent again. */
  const pastGrace = () => new Promise((resolve) => setTimeout(resolve, GRACE_MS + 10 * INTERVAL_MS));

  it('has the message in the database by the time the webhook is acknowledged', async () => {
    const customer = newCustomer();
    const params = sms(customer, 'Do you ship to Canada?');
    const answer = await twilio.post('/twilio/messaging', params);
    expect(answer.status).toBe(200);
    const stored = await rows(`SELECT text, author FROM messages WHERE channel = 'sms' AND channel_message_id = $1`, [params.MessageSid]);
    expect(stored).toEqual([{ text: 'Do you ship to Canada?', author: 'customer' }]);
    await eventually(() => sentTo(customer).length === 1);
  });

  it('does not text twice when Twilio takes the message but answers after the timeout, and records it as sent', async () => {
    const customer = newCustomer();
    fake.quirkNext({ kind: 'late', ms: API_TIMEOUT_MS * 4 });
    await twilio.post('/twilio/messaging', sms(customer, 'What is your return policy?'));
    const [delivery] = await eventually(async () => {
      const found = await deliveriesTo(customer);
      return found[0]?.status === 'sent' && found;
    });
    await pastGrace();
    expect(sentTo(customer)).toHaveLength(1);
    expect(await deliveriesTo(customer)).toHaveLength(1);
    expect(delivery).toMatchObject({ status: 'sent', message_sid: sentTo(customer)[0].sid, attempt: 1 });
  });

  it('does not text twice when the connection is cut after Twilio took the message', async () => {
    const customer = newCustomer();
    fake.quirkNext({ kind: 'reset' });
    await twilio.post('/twilio/messaging', sms(customer, 'How long do refunds take to a credit card?'));
    await eventually(async () => (await deliveriesTo(customer))[0]?.status === 'sent');
    await pastGrace();
    expect(sentTo(customer)).toHaveLength(1);
  });

  it('does not text twice when Twilio took the message and still holds it in its queue after the grace period', async () => {
    const customer = newCustomer();
    fake.holdInQueue();
    fake.quirkNext({ kind: 'reset' });
    await twilio.post('/twilio/messaging', sms(customer, 'Can I change the size of my order?'));
    await eventually(() => sentTo(customer).length === 1);
    await pastGrace();
    expect(sentTo(customer)).toHaveLength(1);
    const attempts = await deliveriesTo(customer);
    expect(attempts.map((d: any) => [d.attempt, d.status, d.message_sid])).toEqual([[1, 'queued', sentTo(customer)[0].sid]]);
  });

  it('settles an unknown send from the status callback that names it', async () => {
    const customer = newCustomer();
    fake.quirkNext({ kind: 'reset' });
    await twilio.post('/twilio/messaging', sms(customer, 'Is there a warranty?'));
    const [sent] = await eventually(() => sentTo(customer).length === 1 && sentTo(customer));
    const path = new URL(sent.statusCallback!).pathname + new URL(sent.statusCallback!).search;
    expect((await twilio.post(path, statusCallbackParams(ACCOUNT_SID, sent, 'delivered'))).status).toBe(204);
    await eventually(async () => (await deliveriesTo(customer))[0]?.status === 'delivered');
    expect((await deliveriesTo(customer))[0].message_sid).toBe(sent.sid);
  });

  it('sends once more, once, when Twilio still has no such message after the grace period', async () => {
    const customer = newCustomer();
    fake.quirkNext({ kind: 'swallow' });
    await twilio.post('/twilio/messaging', sms(customer, 'Do you sell gift cards?'));
    await eventually(() => sentTo(customer).length === 1, GRACE_MS + 10_000);
    await pastGrace();
    expect(sentTo(customer)).toHaveLength(1);
    const attempts = await deliveriesTo(customer);
    expect(attempts.map((d: any) => [d.attempt, d.status])).toEqual([
      [1, 'not_sent'],
      [2, 'queued'],
    ]);
    expect(attempts[0].error_message).toMatch(/no such message/);
  });
});
