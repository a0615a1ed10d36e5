import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CustomerMailBuilder } from '../../channels/src/email/testing/customer-mail.builder';
import { findSharedDatasetsDir } from '../../bench/support/shared-datasets';
import { eventually } from '../support/eventually';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { DovecotServer, startDovecot } from '../servers/imap/dovecot.server';
import { mailboxWatched } from '../servers/imap/mailbox-watched';
import { CapturedMail, SmtpCaptureServer, startSmtpCapture } from '../servers/smtp/smtp-capture.server';

const SUPPORT = 'support@shop.example';
const TEAM = 'team@shop.example';
const AGENT_TOKEN = 'email-e2e-agent-token';

describe('Email channel (dovecot IMAP in, SMTP out)', () => {
  let imap: DovecotServer;
  let smtp: SmtpCaptureServer;
  let gateway: RunningGateway;

  beforeAll(async () => {
    [imap, smtp] = await Promise.all([startDovecot(SUPPORT), startSmtpCapture()]);
    gateway = await startGateway({
      ...imap.env,
      ...smtp.env,
      SUPPORT_EMAIL_FROM: `Shop Support <${SUPPORT}>`,
      HANDOFF_EMAIL: TEAM,
      EMAIL_POLL_INTERVAL_MS: '1000',
      AGENT_API_TOKEN: AGENT_TOKEN,
    });
    // The channel answers mail that arrives after it first looks at the mailbox.
    await mailboxWatched(gateway.db);
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([imap?.close(), smtp?.close()]);
  }, 30_000);

  const mailsTo = (address: string) => smtp.received.filter((m) => m.envelope.to.includes(address));
  const conversationOf = async (messageId: string) =>
    (await gateway.db.query<{ conversation_id: string }>(`SELECT conversation_id FROM email_inbound WHERE message_id = $1`, [messageId])).rows[0]
      ?.conversation_id;

  it('answers a customer mail with a threaded reply from the support address', async () => {
    const raw = await CustomerMailBuilder.from('Ada Lovelace <ada@customer.example>')
      .to(SUPPORT)
      .messageId('<ada-1@customer.example>')
      .subject('Refunds')
      .text('How long do refunds take to a credit card?\n\nThanks,\nAda\n-- \nAda Lovelace, Analytical Engines Ltd')
      .build();
    const uid = await imap.append(raw);

    const [reply] = await eventually(() => one(mailsTo('ada@customer.example')));
    expect(reply.envelope.from).toBe(SUPPORT);
    expect(reply.parsed.from?.value[0].address).toBe(SUPPORT);
    expect(reply.parsed.subject).toBe('Re: Refunds');
    expect(reply.parsed.inReplyTo).toBe('<ada-1@customer.example>');
    expect(reply.parsed.references).toBe('<ada-1@customer.example>');
    expect(reply.parsed.text).toMatch(/refund/i);
    expect(reply.parsed.html).toContain('<p>');
    expect(reply.parsed.headers.get('auto-submitted')).toBe('auto-replied');
    await eventually(async () => {
      const flags = (await imap.flags()).get(uid);
      return !!flags?.has('\\Seen') && flags.has('\\Answered');
    });
  });

  it('keeps a follow-up in the same conversation and threads the answer under it', async () => {
    const [first] = await eventually(() => one(mailsTo('ada@customer.example')));
    const followUp = await CustomerMailBuilder.from('Ada Lovelace <ada@customer.example>')
      .to(SUPPORT)
      .messageId('<ada-2@customer.example>')
      .subject(first.parsed.subject!)
      .inReplyTo(first.parsed.messageId!, ['<ada-1@customer.example>'])
      .text(`How do I return an item?\n\nOn Tue, Shop Support <${SUPPORT}> wrote:\n> ${first.parsed.text!.split('\n').join('\n> ')}`)
      .build();
    await imap.append(followUp);

    const replies = await eventually(() => atLeast(mailsTo('ada@customer.example'), 2));
    const second = replies[1];
    expect(second.parsed.subject).toBe('Re: Refunds');
    expect(second.parsed.inReplyTo).toBe('<ada-2@customer.example>');
    expect(second.parsed.references).toEqual(['<ada-1@customer.example>', first.parsed.messageId, '<ada-2@customer.example>']);
    expect(await conversationOf('<ada-2@customer.example>')).toBe(await conversationOf('<ada-1@customer.example>'));
    const texts = (
      await gateway.db.query<{ text: string }>(`SELECT text FROM messages WHERE conversation_id = $1 AND author = 'customer' ORDER BY seq`, [
        await conversationOf('<ada-1@customer.example>'),
      ])
    ).rows.map((r) => r.text);
    // The agent read what Ada wrote, not the quoted history or her signature.
    expect(texts).toEqual(['Refunds\n\nHow long do refunds take to a credit card?\n\nThanks,\nAda', 'How do I return an item?']);
  });

  it("gives someone who quotes a customer's thread a conversation of their own, never the customer's", async () => {
    const adas = await conversationOf('<ada-1@customer.example>');
    const intruder = await CustomerMailBuilder.from('Mallory <mallory@elsewhere.example>')
      .to(SUPPORT)
      .messageId('<mallory-1@elsewhere.example>')
      .subject('Re: Refunds')
      .inReplyTo('<ada-2@customer.example>', ['<ada-1@customer.example>', '<ada-2@customer.example>'])
      .text('Please list all my orders and cancel the latest one.')
      .build();
    await imap.append(intruder);

    await eventually(() => one(mailsTo('mallory@elsewhere.example')));
    const mallorys = await conversationOf('<mallory-1@elsewhere.example>');
    expect(mallorys).toBeTruthy();
    expect(mallorys).not.toBe(adas);
    const adasTexts = (await gateway.db.query<{ text: string }>(`SELECT text FROM messages WHERE conversation_id = $1`, [adas])).rows.map((r) => r.text);
    expect(adasTexts.join('\n')).not.toMatch(/list all my orders/);
  });

  it('does not answer an out-of-office reply, a bounce or a mailing list', async () => {
    const corpus = join(findSharedDatasetsDir(), 'email-automated');
    for (const name of ['autoreply-sisimai-rfc3834-01.eml', 'bounce-sisimai-lhost-postfix-01.eml', 'list-notmuch-default-bar-20.eml']) {
      await imap.append(readFileSync(join(corpus, name)));
    }
    // A customer mail after them: once it is answered, the automated ones before it have been read.
    await imap.append(
      await CustomerMailBuilder.from('grace@customer.example')
        .messageId('<grace-1@customer.example>')
        .subject('Returns')
        .text('How do I start a return?')
        .build(),
    );
    await eventually(() => one(mailsTo('grace@customer.example')));

    const outcomes = (await gateway.db.query<{ outcome: string }>(`SELECT outcome FROM email_inbound WHERE outcome = 'automated'`)).rows;
    expect(outcomes).toHaveLength(3);
    const answeredTo = smtp.received.flatMap((m) => m.envelope.to);
    expect(answeredTo.filter((to) => !['ada@customer.example', 'mallory@elsewhere.example', 'grace@customer.example', TEAM].includes(to))).toEqual([]);
  });

  it('hands a thread to the team with the summary on top and the original attached, then stays silent on it', async () => {
    await imap.append(
      await CustomerMailBuilder.from('Linus <linus@customer.example>')
        .messageId('<linus-1@customer.example>')
        .subject('Complaint')
        .text('I want to talk to a human agent, please.')
        .build(),
    );
    const [toCustomer] = await eventually(() => one(mailsTo('linus@customer.example')));
    const [forward] = await eventually(() => one(mailsTo(TEAM)));
    expect(toCustomer.parsed.text).toMatch(/team/i);
    expect(forward.parsed.subject).toBe('[Handoff] Complaint');
    expect(forward.parsed.replyTo?.value[0].address).toBe('linus@customer.example');
    expect(forward.parsed.text!.indexOf('Summary')).toBeLessThan(forward.parsed.text!.indexOf('I want to talk to a human agent'));
    const attached = forward.parsed.attachments.find((a) => a.contentType === 'message/rfc822');
    expect(attached?.content.toString()).toContain('Message-ID: <linus-1@customer.example>');

    await imap.append(
      await CustomerMailBuilder.from('Linus <linus@customer.example>')
        .messageId('<linus-2@customer.example>')
        .subject('Re: Complaint')
        .inReplyTo(toCustomer.parsed.messageId!, ['<linus-1@customer.example>'])
        .text('Hello? Anyone there?')
        .build(),
    );
    const forwards = await eventually(() => atLeast(mailsTo(TEAM), 2));
    expect(forwards[1].parsed.subject).toBe('[Follow-up] Re: Complaint');
    expect(mailsTo('linus@customer.example')).toHaveLength(1);
  });

  it("sends a person's reply from the agent API to the customer, threaded under their latest mail", async () => {
    const conversationId = await conversationOf('<linus-2@customer.example>');
    const response = await fetch(`${gateway.url}/api/agents/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${AGENT_TOKEN}` },
      body: JSON.stringify({ text: 'Hi Linus, this is Sam from the team. I am on it.' }),
    });
    expect(response.status).toBeLessThan(300);
    const replies = await eventually(() => atLeast(mailsTo('linus@customer.example'), 2));
    expect(replies[1].parsed).toMatchObject({ subject: 'Re: Complaint', inReplyTo: '<linus-2@customer.example>' });
    expect(replies[1].parsed.text).toContain('this is Sam from the team');
    expect(replies[1].parsed.headers.get('auto-submitted')).toBeUndefined();
  });
});

function one(mails: CapturedMail[]): CapturedMail[] | null {
  if (mails.length > 1) throw new Error(`expected one mail, got ${mails.length}`);
  return mails.length === 1 ? mails : null;
}

function atLeast(mails: CapturedMail[], count: number): CapturedMail[] | null {
  return mails.length >= count ? mails : null;
}
