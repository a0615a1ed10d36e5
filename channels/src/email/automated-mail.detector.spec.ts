import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { findSharedDatasetsDir } from '../../../bench/support/shared-datasets';
import { detectAutomatedMail } from './automated-mail.detector';
import { CustomerMailBuilder } from './testing/customer-mail.builder';

const corpusDir = join(findSharedDatasetsDir(), 'email-automated');
const corpus = readdirSync(corpusDir).filter((name) => name.endsWith('.eml'));
const own = { ownAddresses: ['support@shop.example'] };

async function verdictOf(raw: Buffer) {
  return detectAutomatedMail(await simpleParser(raw), own);
}

describe(detectAutomatedMail.name, () => {
  it('reads the whole corpus of real automated mail', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(33);
  });

  it.each(corpus)('recognises %s as automated, so the bot does not answer it', async (name) => {
    const verdict = await verdictOf(readFileSync(join(corpusDir, name)));
    expect(verdict).toEqual({ automated: true, reason: expect.any(String) });
  });

  it('answers an ordinary customer mail', async () => {
    const raw = await CustomerMailBuilder.from().subject('Where is my order #W2378156?').text('Hi, my parcel has not arrived yet.\n\nThanks, Ada').build();
    expect(await verdictOf(raw)).toEqual({ automated: false, reason: null });
  });

  it('answers a customer reply with a quoted history and an HTML part', async () => {
    const raw = await CustomerMailBuilder.from()
      .subject('Re: Where is my order?')
      .inReplyTo('<mail_1@shop.example>')
      .html('<p>Still nothing.</p><blockquote>On Monday you wrote: …</blockquote>', true)
      .build();
    expect((await verdictOf(raw)).automated).toBe(false);
  });

  it('answers a mail that says Auto-Submitted: no', async () => {
    const raw = await CustomerMailBuilder.from().header('Auto-Submitted', 'no').build();
    expect((await verdictOf(raw)).automated).toBe(false);
  });

  it.each([
    ['Auto-Submitted', 'auto-replied', 'auto-submitted'],
    ['Precedence', 'junk', 'precedence'],
    ['List-Unsubscribe', '<mailto:leave@list.example>', 'list-id'],
    ['X-Autoreply', 'yes', 'x-autoreply'],
    ['X-Auto-Response-Suppress', 'OOF, AutoReply', 'x-auto-response-suppress'],
    ['Return-Path', '<>', 'null-return-path'],
  ])('does not answer a mail with %s: %s', async (name, value, reason) => {
    const raw = await CustomerMailBuilder.from().header(name, value).build();
    expect(await verdictOf(raw)).toEqual({ automated: true, reason });
  });

  it.each(['no-reply@shop.example', 'MAILER-DAEMON@mx.example', 'postmaster@mx.example', 'news-request@lists.example', 'noreply-billing@saas.example'])(
    'does not answer mail from %s',
    async (from) => {
      expect((await verdictOf(await CustomerMailBuilder.from(from).build())).automated).toBe(true);
    },
  );

  it('does not answer its own mail coming back', async () => {
    expect(await verdictOf(await CustomerMailBuilder.from('Shop <support@shop.example>').build())).toEqual({ automated: true, reason: 'own-address' });
  });
});
