import { TwilioInbox } from '../../apps/gateway/src/twilio-messaging/twilio-inbox.service';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { eventually, FakeTwilio, InboundWebhookBuilder, startFakeTwilio, statusCallbackParams, TwilioWebhookClient } from '../servers/twilio';

const ACCOUNT_SID = `AC${'c3'.repeat(16)}`;
const AUTH_TOKEN = 'e2e-whatsapp-auth-token';
const AGENT_TOKEN = 'e2e-agent-api-token-abcdefghij';
const PUBLIC_BASE_URL = 'https://support.example.test/base';
const OUR_SENDER = 'whatsapp:+14155238886';
const DAY_MS = 24 * 60 * 60 * 1000;

describe('WhatsApp through Twilio', () => {
  let fake: FakeTwilio;
  let gateway: RunningGateway;
  let twilio: TwilioWebhookClient;
  let nextNumber = 100;

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    gateway = await startGateway({
      // A path prefix behind the proxy: signatures cover it, the gateway serves without it.
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
      TWILIO_WHATSAPP_FROM: OUR_SENDER,
      TWILIO_DELIVERY_RETRY_DELAY_MS: '10',
      TWILIO_RECOVERY_INTERVAL_MS: '50',
      AGENT_API_TOKEN: AGENT_TOKEN,
    });
    twilio = new TwilioWebhookClient(gateway.url, PUBLIC_BASE_URL, AUTH_TOKEN);
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await fake?.close();
  });

  const newCustomer = () => `+4915112${String(nextNumber++).padStart(5, '0')}`;
  const whatsapp = (from: string, body: string) => InboundWebhookBuilder.whatsapp(ACCOUNT_SID, OUR_SENDER).from(from).body(body);
  const send = (params: Record<string, string>) => twilio.post('/twilio/messaging', params);
  const settled = () => gateway.app.get(TwilioInbox).settled();
  const sentTo = (number: string) => fake.sent.filter((m) => m.to === `whatsapp:${number}`);
  const rows = (sql: string, params: unknown[] = []) => gateway.db.query<any>(sql, params).then((r) => r.rows);
  const conversationOf = async (number: string) =>
    (
      await rows(
        `SELECT c.* FROM conversations c JOIN customer_identities i ON i.customer_id = c.customer_id WHERE i.kind = 'whatsapp' AND i.address = $1 AND c.channel = 'whatsapp'`,
        [number],
      )
    )[0];
  const humanReply = (conversationId: string, text: string) =>
    fetch(`${gateway.url}/api/agents/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${AGENT_TOKEN}` },
      body: JSON.stringify({ text }),
    });
  /** Moves the customer's messages back in time, as if they last wrote `ageMs` ago. */
  const lastWroteAgo = (conversationId: string, ageMs: number) =>
    gateway.db.query(`UPDATE messages SET created_at = now() - ($2::bigint * interval '1 millisecond') WHERE conversation_id = $1 AND direction = 'inbound'`, [
      conversationId,
      ageMs,
    ]);

  it('answers from the WhatsApp sender, to the whatsapp: address, and remembers the profile name', async () => {
    const customer = newCustomer();
    expect((await send(whatsapp(customer, 'What is your return policy?').build())).status).toBe(200);
    const [reply] = await eventually(() => sentTo(customer).length === 1 && sentTo(customer));
    const [delivery] = await eventually(() => rows(`SELECT id FROM twilio_deliveries WHERE message_sid = $1`, [reply.sid]).then((r) => r.length > 0 && r));
    expect(reply).toMatchObject({ from: OUR_SENDER, statusCallback: `${PUBLIC_BASE_URL}/twilio/messaging/status?delivery=${delivery.id}` });
    expect(reply.body).toMatch(/30 days/);
    expect(reply.body).not.toMatch(/\*\*/);
    const [customerRow] = await rows(`SELECT c.name FROM customers c JOIN customer_identities i ON i.customer_id = c.id WHERE i.address = $1`, [customer]);
    expect(customerRow.name).toBe('Ana');
  });

  it('confirms STOP itself (WhatsApp has no carrier keywords), then stays silent until START', async () => {
    const customer = newCustomer();
    await send(whatsapp(customer, 'Stop').build());
    const [confirmation] = await eventually(() => sentTo(customer).length === 1 && sentTo(customer));
    expect(confirmation.body).toMatch(/won't receive any more messages/);
    await send(whatsapp(customer, 'What is your return policy?').build());
    await settled();
    expect(sentTo(customer)).toHaveLength(1);

    await send(whatsapp(customer, 'START').build());
    await eventually(() => sentTo(customer).length === 2);
    expect(sentTo(customer)[1].body).toMatch(/subscribed again/);
    await send(whatsapp(customer, 'How long do refunds take to a credit card?').build());
    const all = await eventually(() => sentTo(customer).length === 3 && sentTo(customer));
    expect(all[2].body).toMatch(/business days/);
  });

  it('answers the text of a message with a photo, says the photo is kept, and keeps its link', async () => {
    const customer = newCustomer();
    const url = `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/MM${'d'.repeat(32)}/Media/ME${'e'.repeat(32)}`;
    await send(whatsapp(customer, 'What is your return policy? Photo of the box attached').media(url, 'image/png').build());
    const [reply] = await eventually(() => sentTo(customer).length === 1 && sentTo(customer));
    expect(reply.body).toMatch(/^I can't open pictures or files myself, but I've saved yours for our team\./);
    const [inbound] = await rows(`SELECT attachments FROM messages WHERE conversation_id = $1 AND author = 'customer'`, [(await conversationOf(customer)).id]);
    expect(inbound.attachments).toEqual([{ url, contentType: 'image/png' }]);
  });

  it("sends a person's reply inside the 24-hour window, in WhatsApp's formatting", async () => {
    const customer = newCustomer();
    await send(whatsapp(customer, 'I want to talk to a person').build());
    await eventually(() => sentTo(customer).length === 1);
    const conversation = await conversationOf(customer);
    await lastWroteAgo(conversation.id, 23 * 60 * 60 * 1000 - 60 * 60 * 1000);

    const answer = await humanReply(conversation.id, 'Hi, this is **Sam**. Your refund is *on its way*.');
    expect(answer.status).toBe(201);
    const [, human] = await eventually(() => sentTo(customer).length === 2 && sentTo(customer));
    expect(human.body).toBe('Hi, this is *Sam*. Your refund is _on its way_.');
    expect((await conversationOf(customer)).status).toBe('with_human');
  });

  it('sends nothing free-form once the 24-hour window has closed, and tells the person why', async () => {
    const customer = newCustomer();
    await send(whatsapp(customer, 'I want to talk to a person').build());
    await eventually(() => sentTo(customer).length === 1);
    const conversation = await conversationOf(customer);
    await lastWroteAgo(conversation.id, DAY_MS + 60_000);

    const answer = await humanReply(conversation.id, 'Sorry for the wait!');
    expect(answer.status).toBe(422);
    expect((await answer.json()).message).toMatch(/24-hour window/);
    expect(sentTo(customer)).toHaveLength(1);
    const authors = await rows(`SELECT author FROM messages WHERE conversation_id = $1 ORDER BY seq`, [conversation.id]);
    expect(authors.map((m: any) => m.author)).not.toContain('human_agent');
    expect(await (await fetch(`${gateway.url}/metrics`)).text()).toMatch(
      /support_channel_suppressed_total\{channel="whatsapp",reason="outside_window"\} [1-9]/,
    );
  });

  it('does not send a failed message again once the window has closed', async () => {
    const customer = newCustomer();
    await send(whatsapp(customer, 'What is your return policy?').build());
    const [first] = await eventually(() => sentTo(customer).length === 1 && sentTo(customer));
    await settled();
    await lastWroteAgo((await conversationOf(customer)).id, DAY_MS);
    const answer = await twilio.post('/twilio/messaging/status', statusCallbackParams(ACCOUNT_SID, first, 'failed', 30001));
    expect(answer.status).toBe(204);
    // The retry is due at once; the outbox checks the window again before sending it.
    const attempts = await eventually(async () => {
      const found = await rows(`SELECT status, error_code, attempt FROM twilio_deliveries WHERE to_address = $1 ORDER BY attempt`, [customer]);
      return found.length === 2 && found[1].status !== 'pending' && found;
    });
    expect(attempts).toEqual([
      { status: 'failed', error_code: 30001, attempt: 1 },
      { status: 'not_sent', error_code: null, attempt: 2 },
    ]);
    expect(sentTo(customer)).toHaveLength(1);
  });

  it('records read receipts', async () => {
    const customer = newCustomer();
    await send(whatsapp(customer, 'What is your return policy?').build());
    const [reply] = await eventually(() => sentTo(customer).length === 1 && sentTo(customer));
    await settled();
    for (const status of ['sent', 'delivered', 'read']) await twilio.post('/twilio/messaging/status', statusCallbackParams(ACCOUNT_SID, reply, status));
    const [delivery] = await rows(`SELECT status FROM twilio_deliveries WHERE message_sid = $1`, [reply.sid]);
    expect(delivery.status).toBe('read');
  });
});
