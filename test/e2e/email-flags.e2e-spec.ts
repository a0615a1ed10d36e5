import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustomerMailBuilder } from '../../channels/src/email/testing/customer-mail.builder';
import { eventually, sleep } from '../support/eventually';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { DovecotServer, startDovecot } from '../servers/imap/dovecot.server';
import { ImapDropProxy, startImapDropProxy } from '../servers/imap/imap-drop.proxy';
import { mailboxWatched } from '../servers/imap/mailbox-watched';
import { SmtpCaptureServer, startSmtpCapture } from '../servers/smtp/smtp-capture.server';

const SUPPORT = 'support@shop.example';

/** Answered mail shows as read and replied in people's mail clients, even when the server goes away at that moment. */
describe('Email channel flags on answered mail', () => {
  let imap: DovecotServer;
  let proxy: ImapDropProxy;
  let smtp: SmtpCaptureServer;
  let gateway: RunningGateway | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'email-flags-'));

  const start = async () => {
    gateway = await startGateway({
      ...proxy.env,
      ...smtp.env,
      DATA_DIR: dataDir,
      SUPPORT_EMAIL_FROM: `Shop Support <${SUPPORT}>`,
      EMAIL_POLL_INTERVAL_MS: '500',
    });
  };
  const deliver = async (id: string) =>
    imap.append(
      await CustomerMailBuilder.from(`${id}@customer.example`)
        .to(SUPPORT)
        .messageId(`<${id}@customer.example>`)
        .subject('Refunds')
        .text('How long do refunds take?')
        .build(),
    );
  const repliesTo = (id: string) => smtp.received.filter((m) => m.parsed.inReplyTo === `<${id}@customer.example>`);
  const flagsOf = async (uid: number) => [...((await imap.flags()).get(uid) ?? [])].sort();

  beforeAll(async () => {
    [imap, smtp] = await Promise.all([startDovecot(SUPPORT), startSmtpCapture()]);
    proxy = await startImapDropProxy(imap);
    await start();
    await mailboxWatched(gateway!.db);
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await proxy?.close();
    await Promise.all([imap?.close(), smtp?.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('marks an answered mail \\Seen and \\Answered', async () => {
    const uid = await deliver('plain');
    await eventually(() => repliesTo('plain').length === 1);
    await eventually(async () => (await flagsOf(uid)).join() === '\\Answered,\\Seen');
  });

  it('sets the flags after reconnecting when the connection drops as they are set', async () => {
    const cut = proxy.cutOn(/UID STORE/i);
    const uid = await deliver('cut-off');
    await cut;
    await eventually(() => repliesTo('cut-off').length === 1);
    expect(await flagsOf(uid)).toEqual([]);

    await sleep(1_000); // the server is away for a moment
    proxy.reopen();
    await eventually(async () => (await flagsOf(uid)).join() === '\\Answered,\\Seen', 30_000);
    expect(repliesTo('cut-off')).toHaveLength(1);
  }, 60_000);

  it('sets flags still owed when the gateway stopped on its next start, and answers nothing again', async () => {
    const cut = proxy.cutOn(/UID STORE/i);
    const uid = await deliver('owed');
    await cut;
    await eventually(() => repliesTo('owed').length === 1);
    await gateway!.close();
    gateway = null;
    proxy.reopen();
    expect(await flagsOf(uid)).toEqual([]);

    await start();
    await eventually(async () => (await flagsOf(uid)).join() === '\\Answered,\\Seen', 30_000);
    await sleep(1_500); // three more polls
    expect(['plain', 'cut-off', 'owed'].map((id) => repliesTo(id).length)).toEqual([1, 1, 1]);
    expect(smtp.received).toHaveLength(3);
  }, 60_000);
});
