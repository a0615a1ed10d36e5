import { Logger } from '@support/platform';
import { ImapFlow } from 'imapflow';
import { EmailInboxProcessor } from './email-inbox.processor';
import { EmailOutboxService } from './email-outbox.service';
import { EmailMailboxStateRepository } from './store/email-mailbox-state.repository';

const BATCH = 25;
/** A mail that fails this often (a parser crash, say) is skipped so it cannot block the mailbox. */
const MAX_FAILURES_PER_MAIL = 5;

/**
 * One pass over the mailbox: every mail after the stored UID, in UID order. The stored position
 * moves past a mail only once its answer is queued; only then is it marked \Seen. A new
 * UIDVALIDITY (the mailbox was rebuilt) starts from the first UID again; Message-ID dedup keeps
 * that from answering anything twice.
 */
export class EmailMailboxSync {
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly mailbox: { key: string; path: string },
    private readonly processor: EmailInboxProcessor,
    private readonly positions: EmailMailboxStateRepository,
    private readonly outbox: EmailOutboxService,
    private readonly logger: Logger,
  ) {}

  async run(client: ImapFlow): Promise<void> {
    for (let more = true; more; ) more = await this.nextBatch(client);
    await this.outbox.drain();
  }

  private async nextBatch(client: ImapFlow): Promise<boolean> {
    const { uidValidity, mails } = await this.fetchNew(client);
    for (const mail of mails) {
      const key = `${uidValidity}:${mail.uid}`;
      let handled = false;
      try {
        ({ handled } = await this.processor.process({ mailbox: this.mailbox.key, uidValidity, uid: mail.uid, source: mail.source }));
      } catch (error) {
        const failures = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, failures);
        this.logger.error({ err: error, uid: mail.uid, failures }, 'mail not processed');
        if (failures < MAX_FAILURES_PER_MAIL) return false;
        this.logger.error({ uid: mail.uid }, 'mail skipped after repeated failures; it stays unread for a person');
      }
      this.failures.delete(key);
      await this.positions.advance(this.mailbox.key, { uidValidity, lastUid: mail.uid });
      if (handled) await this.markSeen(client, mail.uid);
      await this.outbox.drain();
    }
    return mails.length === BATCH;
  }

  private async fetchNew(client: ImapFlow): Promise<{ uidValidity: string; mails: Array<{ uid: number; source: Buffer }> }> {
    const lock = await client.getMailboxLock(this.mailbox.path);
    try {
      if (!client.mailbox) throw new Error('mailbox not selected');
      const uidValidity = client.mailbox.uidValidity.toString();
      const stored = await this.positions.get(this.mailbox.key);
      if (stored && stored.uidValidity !== uidValidity) this.logger.warn({ was: stored.uidValidity, now: uidValidity }, 'UIDVALIDITY changed; reading the mailbox again');
      const lastUid = stored?.uidValidity === uidValidity ? stored.lastUid : 0;
      // UIDNEXT is only what SELECT reported; an EXISTS push does not update it, so always SEARCH.
      if (client.mailbox.exists === 0) return { uidValidity, mails: [] };
      // `N:*` always matches the newest mail, even below N: filter.
      const uids = ((await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || []).filter((uid) => uid > lastUid).sort((a, b) => a - b).slice(0, BATCH);
      if (!uids.length) return { uidValidity, mails: [] };
      const fetched = await client.fetchAll(uids.join(','), { uid: true, source: true }, { uid: true });
      const mails = fetched.filter((m) => m.source).map((m) => ({ uid: m.uid, source: m.source! })).sort((a, b) => a.uid - b.uid);
      return { uidValidity, mails };
    } finally {
      lock.release();
    }
  }

  /** Cosmetic for the people reading the mailbox: the database position, not the flag, decides what is done. */
  private async markSeen(client: ImapFlow, uid: number): Promise<void> {
    try {
      const lock = await client.getMailboxLock(this.mailbox.path);
      try {
        await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      } finally {
        lock.release();
      }
    } catch (error) {
      this.logger.warn({ err: { message: (error as Error).message }, uid }, 'could not mark mail \\Seen');
    }
  }
}
