import { RunningGateway, startGateway } from '../support/gateway.harness';
import { eventually, FakeTwilio, InboundWebhookBuilder, startFakeTwilio, TwilioWebhookClient } from '../servers/twilio';

const ACCOUNT_SID = `AC${'7e'.repeat(16)}`;
const AUTH_TOKEN = 'e2e-whatsapp-template-auth-token';
const AGENT_TOKEN = 'e2e-agent-api-token-templates-0123';
const PUBLIC_BASE_URL = 'https://support.example.test';
const OUR_SENDER = 'whatsapp:+14155238886';
const HANDOFF_FOLLOWUP = `HX${'a1'.repeat(16)}`;
const RATING = `HX${'b2'.repeat(16)}`;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Past WhatsApp's 24-hour window only an approved template may go out: the Content API, as Twilio takes it. */
describe('WhatsApp templates outside the 24-hour window', () => {
  let fake: FakeTwilio;
  let gateway: RunningGateway;
  let twilio: TwilioWebhookClient;
  let nextNumber = 100;

  beforeAll(async () => {
    fake = await startFakeTwilio({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      contentTemplates: {
        [HANDOFF_FOLLOWUP]: 'Hello again from the support team about your earlier question: {{1}} Reply to continue.',
        [RATING]: 'How did we do? {{1}}',
      },
    });
    gateway = await startGateway({
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: fake.url,
      TWILIO_WHATSAPP_FROM: OUR_SENDER,
      TWILIO_WHATSAPP_TEMPLATE_HANDOFF_FOLLOWUP: HANDOFF_FOLLOWUP,
      TWILIO_WHATSAPP_TEMPLATE_RATING: RATING,
      AGENT_API_TOKEN: AGENT_TOKEN,
    });
    twilio = new TwilioWebhookClient(gateway.url, PUBLIC_BASE_URL, AUTH_TOKEN);
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await fake?.close();
  });

  const newCustomer = () => `+4915113${String(nextNumber++).padStart(5, '0')}`;
  const sentTo = (number: string) => fake.sent.filter((m) => m.to === `whatsapp:${number}`);
  const rows = (sql: string, params: unknown[] = []) => gateway.db.query<any>(sql, params).then((r) => r.rows);
  const handedOff = async (customer: string) => {
    await twilio.post('/twilio/messaging', InboundWebhookBuilder.whatsapp(ACCOUNT_SID, OUR_SENDER).from(customer).body('I want to talk to a person').build());
    await eventually(() => sentTo(customer).length === 1);
    const [conversation] = await rows(
      `SELECT c.id FROM conversations c JOIN customer_identities i ON i.customer_id = c.customer_id WHERE i.kind = 'whatsapp' AND i.address = $1`,
      [customer],
    );
    return conversation.id as string;
  };
  const lastWroteAgo = (conversationId: string, ageMs: number) =>
    gateway.db.query(`UPDATE messages SET created_at = now() - ($2::bigint * interval '1 millisecond') WHERE conversation_id = $1 AND direction = 'inbound'`, [
      conversationId,
      ageMs,
    ]);
  const humanReply = (conversationId: string, text: string) =>
    fetch(`${gateway.url}/api/agents/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${AGENT_TOKEN}` },
      body: JSON.stringify({ text }),
    });

  it("sends a person's follow-up as the handoff template, with their text as its variable, once the window has closed", async () => {
    const customer = newCustomer();
    const conversationId = await handedOff(customer);
    await lastWroteAgo(conversationId, DAY_MS + 60_000);

    const answer = await humanReply(conversationId, 'Your refund went out today.\nIt takes 5 business days.');
    expect(answer.status).toBe(201);
    const [, followUp] = await eventually(() => sentTo(customer).length === 2 && sentTo(customer));
    expect(followUp.form.ContentSid).toBe(HANDOFF_FOLLOWUP);
    expect(JSON.parse(followUp.form.ContentVariables as string)).toEqual({ '1': 'Your refund went out today. It takes 5 business days.' });
    expect(followUp.form.Body).toBeUndefined();
    expect(followUp.body).toBe(
      'Hello again from the support team about your earlier question: Your refund went out today. It takes 5 business days. Reply to continue.',
    );
    const [delivery] = await rows(`SELECT status, message_sid FROM twilio_deliveries WHERE to_address = $1 AND purpose = 'human'`, [customer]);
    expect(delivery).toEqual({ status: 'queued', message_sid: followUp.sid });
  });

  it('still sends free text inside the window', async () => {
    const customer = newCustomer();
    const conversationId = await handedOff(customer);

    expect((await humanReply(conversationId, 'Hi, this is Sam.')).status).toBe(201);
    const [, human] = await eventually(() => sentTo(customer).length === 2 && sentTo(customer));
    expect(human.form.ContentSid).toBeUndefined();
    expect(human.body).toBe('Hi, this is Sam.');
  });
});
