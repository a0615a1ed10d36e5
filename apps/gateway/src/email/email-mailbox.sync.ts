import { Logger } from '@support/platform';
import { ImapFlow } from 'imapflow';
import { EmailMailboxStart } from './email-mailbox.start';
import { EmailInbox } from './email.inbox';
import { MailboxFlagUpdater } from './imap/mailbox-flag.updater';
import { MailboxMessage, MailboxReader } from './imap/mailbox.reader';
import { EmailMailboxStateRepository, MailboxBackfill } from './store/email-mailbox-state.repository';

const BATCH = 25;
/** A mail that fails this often (a parser crash, say) is skipped so it cannot block the mailbox. */
const MAX_FAILURES_PER_MAIL = 5;

/**
 * One pass over the mailbox: flags still owed to answered mail, then any backfill, then every
 * mail after the stored UID, in UID order. The stored position moves past a mail only once its
 * answer is queued. Mail already \Answered (by a person, or by us before a crash) is left alone;
 * Message-ID dedup keeps a re-read from answering anything twice.
 */
export class EmailMailboxSync {
  private readonly failures = new Map<string, number>();
  private readonly reader: MailboxReader;

  constructor(
    private readonly mailbox: { key: string; path: string },
    private readonly start: EmailMailboxStart,
    private readonly inbox: EmailInbox,
    private readonly positions: EmailMailboxStateRepository,
    private readonly flags: MailboxFlagUpdater,
    private readonly logger: Logger,
  ) {
    this.reader = new MailboxReader(mailbox.path);
  }

  async run(client: ImapFlow): Promise<void> {
    const startedAt = new Date();
    const position = await this.start.position(client);
    await this.flags.applyPending(client);
    let complete = !position.backfill || (await this.backfill(client, position.uidValidity, position.backfill));
    for (let lastUid = position.lastUid; complete;) {
      const uids = await this.reader.uidsAfter(client, lastUid, BATCH);
      for (const mail of await this.reader.read(client, uids)) {
        if (!(complete = await this.handle(client, position.uidValidity, mail))) break;
        await this.positions.advance(this.mailbox.key, { uidValidity: position.uidValidity, lastUid: mail.uid });
        lastUid = mail.uid;
      }
      if (uids.length < BATCH) break;
    }
    if (complete) await this.positions.checked(this.mailbox.key, position.uidValidity, startedAt);
    await this.inbox.answer();
  }

  /** Reads the backfill to its end; false when a failing mail stopped it (it resumes next pass). */
  private async backfill(client: ImapFlow, uidValidity: string, backfill: MailboxBackfill): Promise<boolean> {
    const uids = await this.reader.backfillUids(client, backfill);
    this.logger.info(
      { since: backfill.since.toISOString(), messages: uids.length },
      `backfilling unseen mail since ${backfill.since.toISOString()}: ${uids.length} messages`,
    );
    for (let i = 0; i < uids.length; i += BATCH) {
      for (const mail of await this.reader.read(client, uids.slice(i, i + BATCH))) {
        if (!(await this.handle(client, uidValidity, mail))) return false;
      }
    }
    await this.positions.finishBackfill(this.mailbox.key, uidValidity);
    return true;
  }

  /** False when the mail failed and should be tried again on the next pass. */
  private async handle(client: ImapFlow, uidValidity: string, mail: MailboxMessage): Promise<boolean> {
    if (mail.flags.has('\\Answered')) {
      this.logger.info({ uid: mail.uid }, 'mail already answered; left alone');
      return true;
    }
    const key = `${uidValidity}:${mail.uid}`;
    try {
      const processed = await this.inbox.receive({ mailbox: this.mailbox.key, uidValidity, uid: mail.uid, source: mail.source });
      if (processed.flags.length) await this.flags.want({ messageId: processed.messageId, uidValidity, uid: mail.uid, flags: processed.flags });
    } catch (error) {
      const failures = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, failures);
      this.logger.error({ err: error, uid: mail.uid, failures }, 'mail not processed');
      if (failures < MAX_FAILURES_PER_MAIL) return false;
      this.logger.error({ uid: mail.uid }, 'mail skipped after repeated failures; it stays unread for a person');
    }
    this.failures.delete(key);
    await this.flags.applyPending(client);
    await this.inbox.answer();
    return true;
  }
}
