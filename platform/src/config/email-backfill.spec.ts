import { ConfigError, loadConfig } from './app-config';

const mailbox = {
  IMAP_HOST: 'imap.example.com',
  IMAP_USER: 'support@acme.example',
  IMAP_PASSWORD: 'p',
  SMTP_HOST: 'smtp.example.com',
  SUPPORT_EMAIL_FROM: 'support@acme.example',
};

describe('EMAIL_BACKFILL', () => {
  it('answers only mail arriving after the first look at the mailbox unless told otherwise', () => {
    expect(loadConfig(mailbox).email?.backfill).toBeNull();
    expect(loadConfig({ ...mailbox, EMAIL_BACKFILL: 'none' }).email?.backfill).toBeNull();
  });

  it('reads a window of unseen mail in minutes, hours, days or weeks', () => {
    expect(loadConfig({ ...mailbox, EMAIL_BACKFILL: 'unseen-since:2d' }).email?.backfill).toEqual({ unseenWithinMs: 2 * 86_400_000 });
    expect(loadConfig({ ...mailbox, EMAIL_BACKFILL: 'unseen-since:12h' }).email?.backfill).toEqual({ unseenWithinMs: 12 * 3_600_000 });
  });

  it.each(['all', 'unseen-since:2', 'unseen-since:0d', 'since:2d', 'unseen-since:2 days'])('refuses %p at start, naming the variable', (value) => {
    expect(() => loadConfig({ ...mailbox, EMAIL_BACKFILL: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...mailbox, EMAIL_BACKFILL: value })).toThrow(/EMAIL_BACKFILL: must be none or unseen-since:<duration>/);
  });
});
