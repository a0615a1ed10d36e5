import { Browser, Page } from 'playwright-core';
import { CustomerMailBuilder } from '../../channels/src/email/testing/customer-mail.builder';
import { DovecotServer, startDovecot } from '../servers/imap/dovecot.server';
import { mailboxWatched } from '../servers/imap/mailbox-watched';
import { CapturedMail, SmtpCaptureServer, startSmtpCapture } from '../servers/smtp/smtp-capture.server';
import { eventually, FakeTwilio, InboundWebhookBuilder, startFakeTwilio, TwilioWebhookClient } from '../servers/twilio';
import { launchChromium } from '../support/browser';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { TEST_PASSWORD, WorkspaceClient } from '../support/workspace.client';

const ACCOUNT_SID = `AC${'b2'.repeat(16)}`;
const AUTH_TOKEN = 'workspace-channels-twilio-token';
const PUBLIC_BASE_URL = 'https://support.example.test';
const OUR_NUMBER = '+15550002000';
const CUSTOMER_NUMBER = '+15035552001';
const SUPPORT = 'support@shop.example';
const CUSTOMER_EMAIL = 'nora@customer.example';

/** A person answers handed-off SMS and email conversations in the workspace page; the replies leave through the real channels. */
describe('The workspace answers on SMS and email', () => {
  let twilio: FakeTwilio;
  let imap: DovecotServer;
  let smtp: SmtpCaptureServer;
  let gateway: RunningGateway;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [twilio, imap, smtp] = await Promise.all([startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }), startDovecot(SUPPORT), startSmtpCapture()]);
    gateway = await startGateway({
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: twilio.url,
      TWILIO_SMS_FROM: OUR_NUMBER,
      ...imap.env,
      ...smtp.env,
      SUPPORT_EMAIL_FROM: `Shop Support <${SUPPORT}>`,
      EMAIL_POLL_INTERVAL_MS: '500',
    });
    await mailboxWatched(gateway.db);
    await WorkspaceClient.signUp(gateway, 'sam@example.com');
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    await page.goto(`${gateway.url}/workspace/sign-in`);
    await page.fill('#email', 'sam@example.com');
    await page.fill('#password', TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('#inbox-list[data-live="open"][data-loaded="true"]').waitFor({ state: 'attached' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await Promise.all([twilio?.close(), imap?.close(), smtp?.close()]);
  }, 30_000);

  const conversationWith = async (kind: 'phone' | 'email', address: string) =>
    (
      await gateway.db.query<{ id: string }>(
        `SELECT c.id FROM conversations c JOIN customer_identities i ON i.customer_id = c.customer_id WHERE i.kind = $1 AND i.address = $2`,
        [kind, address],
      )
    ).rows[0]?.id;

  /** Opens the conversation from the live inbox, claims it and sends the reply, as a person does. */
  async function answerInWorkspace(conversationId: string, text: string) {
    const item = page.locator(`#inbox-list li[data-conversation-id="${conversationId}"]`);
    await item.waitFor({ timeout: 10_000 });
    await item.locator('a').click();
    await page.locator(`#conversation[data-conversation-id="${conversationId}"]`).waitFor();
    await page.getByRole('button', { name: 'Claim', exact: true }).click();
    await page.locator('#conversation-meta', { hasText: 'assigned to you' }).waitFor();
    await page.fill('#reply-text', text);
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.locator('.entry.author-human_agent', { hasText: text.slice(0, 20) }).waitFor();
  }

  it('texts the reply to an SMS handoff through Twilio, from our number', async () => {
    const webhook = new TwilioWebhookClient(gateway.url, PUBLIC_BASE_URL, AUTH_TOKEN);
    await webhook.post(
      '/twilio/messaging',
      InboundWebhookBuilder.sms(ACCOUNT_SID, OUR_NUMBER).from(CUSTOMER_NUMBER).body('I want to talk to a person').build(),
    );
    const sentToCustomer = () => twilio.sent.filter((m) => m.to === CUSTOMER_NUMBER);
    await eventually(() => sentToCustomer().length === 1);
    const conversationId = await eventually(() => conversationWith('phone', CUSTOMER_NUMBER));

    await answerInWorkspace(conversationId, "Hi, I'm Sam from the team. I can help with that.");
    const [, human] = await eventually(() => sentToCustomer().length === 2 && sentToCustomer());
    expect(human).toMatchObject({ from: OUR_NUMBER, to: CUSTOMER_NUMBER, body: "Hi, I'm Sam from the team. I can help with that." });
  });

  it('mails the reply to an email handoff from the support address, threaded under the customer’s mail', async () => {
    await imap.append(
      await CustomerMailBuilder.from(`Nora <${CUSTOMER_EMAIL}>`)
        .to(SUPPORT)
        .messageId('<nora-1@customer.example>')
        .subject('Damaged parcel')
        .text('I want to talk to a human agent, please.')
        .build(),
    );
    const mailsToCustomer = (): CapturedMail[] => smtp.received.filter((m) => m.envelope.to.includes(CUSTOMER_EMAIL));
    const [told] = await eventually(() => mailsToCustomer().length === 1 && mailsToCustomer());
    const conversationId = await eventually(() => conversationWith('email', CUSTOMER_EMAIL));

    await answerInWorkspace(conversationId, 'Hi Nora, this is Sam. A replacement is on its way.');
    const [, human] = await eventually(() => mailsToCustomer().length === 2 && mailsToCustomer());
    expect(human.envelope.from).toBe(SUPPORT);
    expect(human.parsed).toMatchObject({ subject: 'Re: Damaged parcel', inReplyTo: '<nora-1@customer.example>' });
    expect(human.parsed.references).toContain('<nora-1@customer.example>');
    expect(human.parsed.text).toContain('A replacement is on its way.');
    expect(told.parsed.messageId).not.toBe(human.parsed.messageId);
  });
});
