import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustomerMailBuilder } from '../../channels/src/email/testing/customer-mail.builder';
import { eventually, sleep } from '../support/eventually';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { DovecotServer, startDovecot } from '../servers/imap/dovecot.server';
import { mailboxWatched } from '../servers/imap/mailbox-watched';
import { SmtpCaptureServer, startSmtpCapture } from '../servers/smtp/smtp-capture.server';

const SUPPORT = 'support@shop.example';

/** Restarts and crashes: the mailbox position, the Message-ID dedup and the outbox keep every mail answered exactly once. */
describe('Email channel recovery', () => {
  let imap: DovecotServer;
  let smtp: SmtpCaptureServer;
  let gateway: RunningGateway | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'email-recovery-'));

  const start = async () => {
    gateway = await startGateway({
      ...imap.env,
      ...smtp.env,
      DATA_DIR: dataDir,
      SUPPORT_EMAIL_FROM: `Shop Support <${SUPPORT}>`,
      EMAIL_POLL_INTERVAL_MS: '500',
    });
    return gateway;
  };

  beforeAll(async () => {
    [imap, smtp] = await Promise.all([startDovecot(SUPPORT), startSmtpCapture()]);
    await start();
    await mailboxWatched(gateway!.db);
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await Promise.all([imap?.close(), smtp?.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  const customerMail = (id: string) =>
    CustomerMailBuilder.from(`${id}@customer.example`)
      .to(SUPPORT)
      .messageId(`<${id}@customer.example>`)
      .subject('Refunds')
      .text('How long do refunds take to a credit card?')
      .build();
  const repliesTo = (id: string) => smtp.received.filter((m) => m.parsed.inReplyTo === `<${id}@customer.example>`);
  const answeredOnce = (...ids: string[]) => ids.every((id) => repliesTo(id).length === 1);

  it('loses nothing and answers nothing twice when dovecot restarts mid-run', async () => {
    await imap.append(await customerMail('before-restart'));
    await eventually(() => answeredOnce('before-restart'));

    await imap.append(await customerMail('racing-1'));
    await imap.append(await customerMail('racing-2'));
    await imap.stop();
    await sleep(1_000);
    await imap.start();
    await imap.append(await customerMail('after-restart'));

    await eventually(() => answeredOnce('racing-1', 'racing-2', 'after-restart'), 30_000);
    await sleep(1_500); // three more polls: nothing else goes out
    expect(['before-restart', 'racing-1', 'racing-2', 'after-restart'].map((id) => repliesTo(id).length)).toEqual([1, 1, 1, 1]);
  }, 60_000);

  it('reads the mailbox again after a crash before its position and flags were saved, and answers nothing twice', async () => {
    const sentBefore = smtp.received.length;
    // As if the gateway died after queuing the answers but before saving how far it got or flagging them answered.
    await imap.removeFlags(['\\Seen', '\\Answered']);
    await gateway!.db.query(`UPDATE email_mailbox_state SET last_uid = 0`);
    await eventually(async () => {
      const { rows } = await gateway!.db.query<{ last_uid: string }>(`SELECT last_uid FROM email_mailbox_state`);
      return Number(rows[0].last_uid) >= 4 || null;
    });
    await sleep(1_000);
    expect(smtp.received.length).toBe(sentBefore);
  }, 30_000);

  it('answers mail that arrived while the gateway was down, once', async () => {
    await gateway!.close();
    gateway = null;
    await imap.append(await customerMail('while-down'));
    await start();
    await eventually(() => answeredOnce('while-down'), 20_000);
    await sleep(1_000);
    expect(repliesTo('while-down')).toHaveLength(1);
    expect(repliesTo('before-restart')).toHaveLength(1);
  }, 60_000);
});
