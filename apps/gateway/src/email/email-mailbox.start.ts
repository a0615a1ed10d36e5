import { EmailConfig, Logger } from '@support/platform';
import { ImapFlow } from 'imapflow';
import { EmailMailboxStateRepository, MailboxBackfill, MailboxPosition } from './store/email-mailbox-state.repository';

/** Server clocks (INTERNALDATE) and ours disagree a little; reading a few minutes more costs only a Message-ID lookup. */
const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * Where the watcher stands in the mailbox. With no stored position it starts from now: the
 * mailbox's UIDNEXT, so years of history already handled by people are never answered, plus
 * the configured backfill of recent unseen mail. A new UIDVALIDITY (the server rebuilt the
 * mailbox) starts from now the same way, and backfills unseen mail that arrived since the
 * watcher last finished reading (never older than the backfill window).
 */
export class EmailMailboxStart {
  constructor(
    private readonly mailbox: { key: string; path: string },
    private readonly backfill: EmailConfig['backfill'],
    private readonly positions: EmailMailboxStateRepository,
    private readonly logger: Logger,
  ) {}

  async position(client: ImapFlow): Promise<MailboxPosition> {
    const { uidValidity, uidNext, exists } = await this.mailboxStatus(client);
    const stored = await this.positions.get(this.mailbox.key);
    if (stored?.uidValidity === uidValidity) return stored;
    const now = Date.now();
    const windowStart = this.backfill ? now - this.backfill.unseenWithinMs : null;
    let since: number | null;
    if (!stored) {
      since = windowStart;
      if (since === null) this.logger.info({ olderMessages: exists }, `starting from now; ${exists} older messages left for people`);
    } else {
      since = Math.max(stored.checkedAt.getTime() - CLOCK_SKEW_MS, windowStart ?? -Infinity);
      this.logger.warn(
        { was: stored.uidValidity, now: uidValidity },
        'UIDVALIDITY changed; starting from now and reading unseen mail that arrived since the last check',
      );
    }
    const backfill: MailboxBackfill | null = since === null || uidNext <= 1 ? null : { belowUid: uidNext, since: new Date(since) };
    const start = { uidValidity, lastUid: uidNext - 1, backfill };
    await this.positions.startAt(this.mailbox.key, start);
    return { ...start, checkedAt: new Date(now) };
  }

  /** UIDNEXT as SELECT reported it; if mail arrived since, it is above that and gets answered. */
  private async mailboxStatus(client: ImapFlow): Promise<{ uidValidity: string; uidNext: number; exists: number }> {
    const lock = await client.getMailboxLock(this.mailbox.path);
    try {
      if (!client.mailbox) throw new Error('mailbox not selected');
      const { uidValidity, uidNext, exists } = client.mailbox;
      if (uidNext) return { uidValidity: uidValidity.toString(), uidNext, exists };
      const uids = exists ? (await client.search({ all: true }, { uid: true })) || [] : [];
      return { uidValidity: uidValidity.toString(), uidNext: Math.max(0, ...uids) + 1, exists };
    } finally {
      lock.release();
    }
  }
}
