import { countSmsSegments } from '@support/channels';
import { TwilioInbox } from '../../apps/gateway/src/twilio-messaging/twilio-inbox.service';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { eventually, FakeTwilio, InboundWebhookBuilder, startFakeTwilio, statusCallbackParams, twilioError, TwilioWebhookClient } from '../servers/twilio';

const ACCOUNT_SID = `AC${'a1'.repeat(16)}`;
const AUTH_TOKEN = 'e2e-twilio-auth-token';
const AGENT_TOKEN = 'e2e-agent-api-token-0123456789';
const PUBLIC_BASE_URL = 'https://support.example.test';
const OUR_NUMBER = '+15550001000';

describe('SMS through Twilio', () => {
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
      TWILIO_RATE_LIMIT_MESSAGES: '3',
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

  /** A fresh customer number per test, so rate limits and opt-outs do not leak between tests. */
  const newCustomer = () => `+1503555${String(nextNumber++).padStart(4, '0')}`;
  const sms = (from: string, body: string) => InboundWebhookBuilder.sms(ACCOUNT_SID, OUR_NUMBER).from(from).body(body);
  const send = (params: Record<string, string>) => twilio.post('/twilio/messaging', params);
  const settled = () => gateway.app.get(TwilioInbox).settled();
  const sentTo = (number: string) => fake.sent.filter((m) => m.to === number);
  const rows = (sql: string, params: unknown[] = []) => gateway.db.query<any>(sql, params).then((r) => r.rows);
  const conversationOf = async (number: string) =>
    (
      await rows(
        `SELECT c.* FROM conversations c JOIN customer_identities i ON i.customer_id = c.customer_id WHERE i.kind = 'phone' AND i.address = $1 AND c.channel = 'sms'`,
        [number],
      )
    )[0];

  it('acknowledges the webhook at once with empty TwiML and texts the answer through the REST API', async () => {
    const customer = newCustomer();
    const answer = await send(sms(customer, 'What is your return policy?').build());

    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/text\/xml/);
    expect(answer.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');

    const [reply] = await eventually(() => sentTo(customer).length > 0 && sentTo(customer));
    expect(reply.body).toMatch(/30 days/);
    expect(reply.body).not.toMatch(/\*\*|__|`/);
    expect(countSmsSegments(reply.body).segments).toBeLessThanOrEqual(3);
    // The fake records the message before its 201 reaches the gateway, which then stores the sid.
    const [delivery] = await eventually(() => rows(`SELECT * FROM twilio_deliveries WHERE message_sid = $1`, [reply.sid]).then((r) => r.length > 0 && r));
    expect(delivery).toMatchObject({ channel: 'sms', purpose: 'reply', status: 'queued', to_address: customer });
    // The status callback names the delivery, so it settles a send whose answer never arrived.
    expect(reply).toMatchObject({ from: OUR_NUMBER, to: customer, statusCallback: `${PUBLIC_BASE_URL}/twilio/messaging/status?delivery=${delivery.id}` });
  });

  it('answers a redelivered webhook (same MessageSid) only once', async () => {
    const customer = newCustomer();
    const params = sms(customer, 'How long do refunds take to a credit card?').build();
    await send(params);
    await eventually(() => sentTo(customer).length === 1);
    const again = await send(params);
    await settled();
    expect(again.status).toBe(200);
    expect(sentTo(customer)).toHaveLength(1);
    const messages = await rows(`SELECT author FROM messages WHERE conversation_id = $1 ORDER BY seq`, [(await conversationOf(customer)).id]);
    expect(messages.map((m: any) => m.author)).toEqual(['customer', 'bot']);
  });

  it('answers once when two deliveries of one MessageSid arrive at the same moment', async () => {
    const customer = newCustomer();
    const params = sms(customer, 'Do you ship to Canada?').build();
    const answers = await Promise.all([send(params), send(params)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await settled();
    expect(sentTo(customer)).toHaveLength(1);
  });

  it('refuses a forged or missing signature with 403 and processes nothing', async () => {
    const customer = newCustomer();
    const params = sms(customer, 'Forged hello').build();
    const forged = await twilio.post('/twilio/messaging', params, { signature: twilio.signature('/twilio/messaging', { ...params, Body: 'something else' }) });
    const missing = await twilio.post('/twilio/messaging', params, { signature: null });
    const otherHost = await twilio.post('/twilio/messaging', params, {
      signature: new TwilioWebhookClient(gateway.url, 'https://attacker.example', AUTH_TOKEN).signature('/twilio/messaging', params),
    });
    const otherAccount = await send({ ...params, AccountSid: `AC${'9'.repeat(32)}` });
    expect([forged.status, missing.status, otherHost.status, otherAccount.status]).toEqual([403, 403, 403, 403]);
    await settled();
    expect(sentTo(customer)).toHaveLength(0);
    expect(await conversationOf(customer)).toBeUndefined();
  });

  it('refuses malformed bodies with 400 and an error id', async () => {
    const noSid = sms(newCustomer(), 'hi').build();
    delete (noSid as Record<string, string>).MessageSid;
    const badSid = await send(sms(newCustomer(), 'hi').with({ MessageSid: 'nope' }).build());
    const missing = await send(noSid);
    const empty = await send(sms(newCustomer(), '').build());
    const badMedia = await send(sms(newCustomer(), 'photo').with({ NumMedia: '1' }).build());
    const json = await twilio.postRaw('/twilio/messaging', JSON.stringify({ Body: 'hi' }), { 'Content-Type': 'application/json' });
    for (const answer of [badSid, missing, empty, badMedia, json]) {
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).errorId).toMatch(/^err_/);
    }
  });

  it('after STOP sends nothing more to that number, and START lets the bot answer again', async () => {
    const customer = newCustomer();
    await send(sms(customer, 'STOP').build());
    await settled();
    await send(sms(customer, 'Where is my order?').build());
    await settled();
    expect(sentTo(customer)).toHaveLength(0);
    expect(await rows(`SELECT keyword FROM twilio_opt_outs WHERE address = $1`, [customer])).toEqual([{ keyword: 'STOP' }]);
    // Both messages are kept for the record, and neither is answered later.
    const stored = await rows(`SELECT text, author FROM messages WHERE conversation_id = $1 ORDER BY seq`, [(await conversationOf(customer)).id]);
    expect(stored).toEqual([
      { text: 'STOP', author: 'customer' },
      { text: 'Where is my order?', author: 'customer' },
    ]);

    await send(sms(customer, 'start').build());
    await settled();
    expect(sentTo(customer)).toHaveLength(0); // Twilio itself confirms START on SMS.
    await send(sms(customer, 'What is your return policy?').build());
    const [reply] = await eventually(() => sentTo(customer).length === 1 && sentTo(customer));
    expect(reply.body).toMatch(/30 days/);
  });

  it.each(['STOPALL', 'Unsubscribe', 'cancel', 'END', 'quit'])('treats %s as STOP', async (keyword) => {
    const customer = newCustomer();
    await send(sms(customer, keyword).build());
    await send(sms(customer, 'Hello?').build());
    await settled();
    expect(sentTo(customer)).toHaveLength(0);
  });

  it('answers HELP and INFO with who we are and how to stop, not with the bot', async () => {
    const customer = newCustomer();
    await send(sms(customer, 'HELP').build());
    await send(sms(customer, 'info').build());
    await eventually(() => sentTo(customer).length === 2);
    for (const message of sentTo(customer)) expect(message.body).toMatch(/Reply STOP to unsubscribe/);
    const [turn] = await rows(`SELECT t.gate_reason FROM agent_turns t WHERE conversation_id = $1`, [(await conversationOf(customer)).id]);
    expect(turn.gate_reason).toBe('not_answered:keyword');
  });

  it('answers a picture gracefully and keeps its links for a person', async () => {
    const customer = newCustomer();
    const url = `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/MM${'b'.repeat(32)}/Media/ME${'c'.repeat(32)}`;
    await send(sms(customer, '').media(url, 'image/jpeg').build());
    const [reply] = await eventually(() => sentTo(customer).length === 1 && sentTo(customer));
    expect(reply.body).toMatch(/can't open pictures/);
    const [inbound] = await rows(`SELECT attachments FROM messages WHERE conversation_id = $1 AND author = 'customer'`, [(await conversationOf(customer)).id]);
    expect(inbound.attachments).toEqual([{ url, contentType: 'image/jpeg' }]);
  });

  it('stores a flood of messages but lets the agent answer only up to the limit, with one polite notice', async () => {
    const customer = newCustomer();
    const questions = [
      'What is your return policy?',
      'How long do refunds take to a credit card?',
      'Where is my order?',
      'Can I change my address?',
      'Do you sell gift cards?',
      'Is there a warranty?',
    ];
    for (const question of questions) {
      await send(sms(customer, question).build());
      await settled();
    }
    const conversationId = (await conversationOf(customer)).id;
    const stored = await rows(`SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1 AND author = 'customer'`, [conversationId]);
    expect(stored[0].n).toBe(6);
    const turns = await rows(`SELECT gate_reason FROM agent_turns WHERE conversation_id = $1`, [conversationId]);
    expect(turns.filter((t: any) => t.gate_reason === 'not_answered:rate_limited')).toHaveLength(3);
    expect(turns.filter((t: any) => !String(t.gate_reason).startsWith('not_answered'))).toHaveLength(3);
    const notices = sentTo(customer).filter((m) => /faster than we can answer/.test(m.body));
    expect(notices).toHaveLength(1);
    expect(sentTo(customer)[sentTo(customer).length - 1]).toBe(notices[0]);
  });

  describe('delivery status callbacks', () => {
    const replyTo = async (customer: string, text: string) => {
      await send(sms(customer, text).build());
      return (await eventually(() => sentTo(customer).length > 0 && sentTo(customer)))[0];
    };
    /** The row of a sent message, once the gateway has stored Twilio's sid (just after the fake recorded it). */
    const delivery = (sid: string) => eventually(async () => (await rows(`SELECT * FROM twilio_deliveries WHERE message_sid = $1`, [sid]))[0]);
    /** Posts a status callback as Twilio would, after its 201 has reached the gateway. */
    const status = async (message: { sid: string; from: string | null; to: string }, value: string, errorCode?: number) => {
      await delivery(message.sid);
      return twilio.post('/twilio/messaging/status', statusCallbackParams(ACCOUNT_SID, message, value, errorCode));
    };

    it('records statuses, moving only forward when callbacks come out of order or twice', async () => {
      const message = await replyTo(newCustomer(), 'What is your return policy?');
      expect((await status(message, 'sent')).status).toBe(204);
      await status(message, 'delivered');
      await status(message, 'sent');
      await status(message, 'delivered');
      expect(await delivery(message.sid)).toMatchObject({ status: 'delivered', error_code: null });
    });

    it('sends again after a temporary failure (30001 queue overflow) and shows the failure', async () => {
      const customer = newCustomer();
      const first = await replyTo(customer, 'What is your return policy?');
      await status(first, 'failed', 30001);
      const [, second] = await eventually(() => sentTo(customer).length === 2 && sentTo(customer));
      expect(second.body).toBe(first.body);
      expect(await delivery(first.sid)).toMatchObject({ status: 'failed', error_code: 30001, attempt: 1 });
      expect(await delivery(second.sid)).toMatchObject({ status: 'queued', attempt: 2 });

      const failed = await fetch(`${gateway.url}/api/agents/twilio/deliveries?status=failed,undelivered`, {
        headers: { Authorization: `Bearer ${AGENT_TOKEN}` },
      });
      expect(failed.status).toBe(200);
      expect((await failed.json()).deliveries).toEqual(expect.arrayContaining([expect.objectContaining({ messageSid: first.sid, errorCode: 30001 })]));
      expect((await fetch(`${gateway.url}/api/agents/twilio/deliveries?status=failed`)).status).toBe(401);
      expect(await (await fetch(`${gateway.url}/metrics`)).text()).toMatch(/support_channel_delivery_failures_total\{channel="sms",code="30001"\} [1-9]/);
    });

    it('gives up after the last attempt', async () => {
      const customer = newCustomer();
      let message = await replyTo(customer, 'What is your return policy?');
      for (let attempt = 2; attempt <= 3; attempt++) {
        await status(message, 'undelivered', 30003);
        message = (await eventually(() => sentTo(customer).length === attempt && sentTo(customer)))[attempt - 1];
      }
      await status(message, 'undelivered', 30003);
      await settled();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sentTo(customer)).toHaveLength(3);
    });

    it('never sends again to an undeliverable number (30006 landline) or one that opted out (21610)', async () => {
      const landline = newCustomer();
      const message = await replyTo(landline, 'What is your return policy?');
      await status(message, 'undelivered', 30006);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(sentTo(landline)).toHaveLength(1);

      const stopped = newCustomer();
      fake.optOut(stopped);
      await send(sms(stopped, 'What is your return policy?').build());
      await settled();
      expect(sentTo(stopped)).toHaveLength(0);
      const [refused] = await rows(`SELECT status, error_code FROM twilio_deliveries WHERE to_address = $1`, [stopped]);
      expect(refused).toEqual({ status: 'failed', error_code: 21610 });
      expect(await rows(`SELECT keyword FROM twilio_opt_outs WHERE address = $1`, [stopped])).toEqual([{ keyword: 'twilio_21610' }]);
    });

    it('sends again when the REST API itself is overloaded (HTTP 429 / 20429)', async () => {
      const customer = newCustomer();
      fake.failNext(twilioError(429, 20429, 'Too Many Requests'));
      await send(sms(customer, 'What is your return policy?').build());
      const [reply] = await eventually(() => sentTo(customer).length === 1 && sentTo(customer));
      expect(reply.body).toMatch(/30 days/);
      await delivery(reply.sid);
      const attempts = await rows(`SELECT status, attempt FROM twilio_deliveries WHERE to_address = $1 ORDER BY attempt`, [customer]);
      expect(attempts).toEqual([
        { status: 'failed', attempt: 1 },
        { status: 'queued', attempt: 2 },
      ]);
    });
  });

  describe('handoff to a person', () => {
    const agentApi = (path: string, init: RequestInit = {}, token: string | null = AGENT_TOKEN) =>
      fetch(`${gateway.url}/api/agents${path}`, {
        ...init,
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      });

    it("tells the customer a person will answer, still helps while they wait, and sends the person's reply by SMS", async () => {
      const customer = newCustomer();
      await send(sms(customer, 'I want to talk to a person').build());
      const [told] = await eventually(() => sentTo(customer).length === 1 && sentTo(customer));
      expect(told.body).toMatch(/member of our team/);
      const conversation = await conversationOf(customer);
      expect(conversation.status).toBe('waiting_for_human');

      await send(sms(customer, 'Hello? My parcel arrived damaged.').build());
      const [, meanwhile] = await eventually(() => sentTo(customer).length === 2 && sentTo(customer));
      expect(meanwhile.body).toMatch(/earlier request is still with our team: a member of our team will get back to you here by text message/);

      const view = await agentApi(`/conversations/${conversation.id}`);
      expect((await view.json()).messages.map((m: any) => m.author)).toEqual(['customer', 'bot', 'customer', 'bot']);

      const answer = await agentApi(`/conversations/${conversation.id}/messages`, {
        method: 'POST',
        body: JSON.stringify({ text: "Hi, I'm Sam. Sorry about that, **I'm sending a replacement** today." }),
      });
      expect(answer.status).toBe(201);
      const [, , human] = await eventually(() => sentTo(customer).length === 3 && sentTo(customer));
      expect(human.body).toBe("Hi, I'm Sam. Sorry about that, I'm sending a replacement today.");
      const stored = await rows(`SELECT author, channel_message_id FROM messages WHERE conversation_id = $1 ORDER BY seq`, [conversation.id]);
      expect(stored[stored.length - 1]).toEqual({ author: 'human_agent', channel_message_id: human.sid });
      expect((await conversationOf(customer)).status).toBe('with_human');
      expect(await rows(`SELECT status FROM handoffs WHERE conversation_id = $1`, [conversation.id])).toEqual([{ status: 'accepted' }]);
    });

    it('refuses the agent API without the bearer token, and a reply to a number that opted out', async () => {
      const customer = newCustomer();
      await send(sms(customer, 'I want to talk to a person').build());
      await eventually(() => sentTo(customer).length === 1);
      const conversation = await conversationOf(customer);
      const post = (token: string | null) =>
        agentApi(`/conversations/${conversation.id}/messages`, { method: 'POST', body: JSON.stringify({ text: 'Hello' }) }, token);
      expect((await post(null)).status).toBe(401);
      expect((await post('wrong-token-wrong-token')).status).toBe(401);

      await send(sms(customer, 'STOP').build());
      await settled();
      const refused = await post(AGENT_TOKEN);
      expect(refused.status).toBe(422);
      expect((await refused.json()).message).toMatch(/opted out/);
      expect(sentTo(customer)).toHaveLength(1);
      expect((await agentApi(`/conversations/conv_${'0'.repeat(32)}/messages`, { method: 'POST', body: JSON.stringify({ text: 'x' }) })).status).toBe(404);
    });
  });
});
