import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustomerMailBuilder } from '../../channels/src/email/testing/customer-mail.builder';
import { eventually, sleep } from '../support/eventually';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { AppendOptions, DovecotServer, startDovecot } from '../servers/imap/dovecot.server';
import { mailboxWatched } from '../servers/imap/mailbox-watched';
import { SmtpCaptureServer, startSmtpCapture } from '../servers/smtp/smtp-capture.server';

const SUPPORT = 'support@shop.example';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A support mailbox with history: the channel must not answer what people already handled, or what is too old. */
describe('Email channel on its first look at a mailbox', () => {
  let imap: DovecotServer;
  let smtp: SmtpCaptureServer;
  let gateway: RunningGateway | null = null;
  const dataDirs: string[] = [];

  const customerMail = (id: string) =>
    CustomerMailBuilder.from(`${id}@customer.example`)
      .to(SUPPORT)
      .messageId(`<${id}@customer.example>`)
      .subject('Refunds')
      .text('How long do refunds take to a credit card?')
      .build();
  const deliver = async (id: string, options: AppendOptions = {}) => imap.append(await customerMail(id), options);
  const repliesTo = (id: string) => smtp.received.filter((m) => m.parsed.inReplyTo === `<${id}@customer.example>`);
  const answered = () => [...new Set(smtp.received.map((m) => m.parsed.inReplyTo))].sort();
  const start = async (env: Record<string, string> = {}, dataDir = mkdtempSync(join(tmpdir(), 'email-first-start-'))) => {
    if (!dataDirs.includes(dataDir)) dataDirs.push(dataDir);
    gateway = await startGateway({
      ...imap.env,
      ...smtp.env,
      DATA_DIR: dataDir,
      SUPPORT_EMAIL_FROM: `Shop Support <${SUPPORT}>`,
      EMAIL_POLL_INTERVAL_MS: '500',
      ...env,
    });
    await mailboxWatched(gateway.db);
    return dataDir;
  };
  const stop = async () => {
    await gateway?.close();
    gateway = null;
  };

  const uids: Record<string, number> = {};
  beforeAll(async () => {
    [imap, smtp] = await Promise.all([startDovecot(SUPPORT), startSmtpCapture()]);
    const ago = (ms: number) => new Date(Date.now() - ms);
    uids['2023-answered'] = await deliver('2023-answered', { date: new Date('2023-05-02T09:00:00Z'), flags: ['\\Seen', '\\Answered'] });
    uids['2023-read'] = await deliver('2023-read', { date: new Date('2023-06-10T09:00:00Z'), flags: ['\\Seen'] });
    uids['2023-unseen'] = await deliver('2023-unseen', { date: new Date('2023-11-20T09:00:00Z') });
    uids['3-days-unseen'] = await deliver('3-days-unseen', { date: ago(3 * DAY_MS) });
    uids['recent-answered'] = await deliver('recent-answered', { date: ago(HOUR_MS), flags: ['\\Answered'] });
    uids['recent-read'] = await deliver('recent-read', { date: ago(HOUR_MS), flags: ['\\Seen'] });
    uids['recent-unseen'] = await deliver('recent-unseen', { date: ago(5 * HOUR_MS) });
  }, 60_000);

  afterAll(async () => {
    await stop();
    await Promise.all([imap?.close(), smtp?.close()]);
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('answers none of the mail already there, only mail that arrives after it starts', async () => {
    await start();
    await deliver('first-new');
    await eventually(() => repliesTo('first-new').length === 1);
    await sleep(1_500); // three more polls
    expect(answered()).toEqual(['<first-new@customer.example>']);
    const flags = await imap.flags();
    expect(flags.get(uids['2023-unseen'])?.size).toBe(0);
    expect(flags.get(uids['recent-unseen'])?.size).toBe(0);
    await stop();
  }, 60_000);

  it('with EMAIL_BACKFILL=unseen-since:2d also answers recent mail nobody has read or answered, and nothing else', async () => {
    const sentBefore = smtp.received.length;
    await start({ EMAIL_BACKFILL: 'unseen-since:2d' });
    await eventually(() => repliesTo('recent-unseen').length === 1);
    await sleep(1_500);
    expect(smtp.received.slice(sentBefore).map((m) => m.parsed.inReplyTo)).toEqual(['<recent-unseen@customer.example>']);
    await eventually(async () => {
      const flags = (await imap.flags()).get(uids['recent-unseen']);
      return !!flags?.has('\\Seen') && flags.has('\\Answered');
    });
  }, 60_000);

  it('answers nothing again when the gateway restarts', async () => {
    const dataDir = dataDirs[dataDirs.length - 1];
    const sentBefore = smtp.received.length;
    await stop();
    await start({ EMAIL_BACKFILL: 'unseen-since:2d' }, dataDir);
    await deliver('after-restart');
    await eventually(() => repliesTo('after-restart').length === 1);
    await sleep(1_500);
    expect(smtp.received.slice(sentBefore).map((m) => m.parsed.inReplyTo)).toEqual(['<after-restart@customer.example>']);
  }, 60_000);

  it('after the server rebuilds the mailbox (new UIDVALIDITY), answers only the mail that arrived since its last look', async () => {
    const dataDir = dataDirs[dataDirs.length - 1];
    const sentBefore = smtp.received.length;
    const validityBefore = await imap.uidValidity();
    await stop();
    await deliver('while-rebuilt');
    await imap.rebuild();
    expect(await imap.uidValidity()).not.toBe(validityBefore);

    await start({ EMAIL_BACKFILL: 'unseen-since:2d' }, dataDir);
    await eventually(() => repliesTo('while-rebuilt').length === 1);
    await sleep(1_500);
    expect(smtp.received.slice(sentBefore).map((m) => m.parsed.inReplyTo)).toEqual(['<while-rebuilt@customer.example>']);
    expect(answered()).toEqual([
      '<after-restart@customer.example>',
      '<first-new@customer.example>',
      '<recent-unseen@customer.example>',
      '<while-rebuilt@customer.example>',
    ]);
  }, 60_000);
});
