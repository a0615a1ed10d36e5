import { Logger } from '@support/platform';
import { ImapFlow } from 'imapflow';
import { EmailFlagUpdateRepository, FlagUpdate } from '../store/email-flag-update.repository';

/**
 * Sets \Seen and \Answered on answered mail, so people reading the mailbox see it was replied to.
 * The wish is stored first and removed once the server has the flags: a connection that drops
 * (an IMAP restart) or a process that dies leaves it stored, and the next pass sets it.
 */
export class MailboxFlagUpdater {
  constructor(
    private readonly mailbox: { key: string; path: string },
    private readonly updates: EmailFlagUpdateRepository,
    private readonly logger: Logger,
  ) {}

  async want(update: FlagUpdate): Promise<void> {
    await this.updates.want(this.mailbox.key, update);
  }

  /** Sets every stored update; stops at the first failure (the connection is likely gone) and leaves the rest for the next pass. */
  async applyPending(client: ImapFlow): Promise<void> {
    for (const update of await this.updates.pending(this.mailbox.key)) {
      if (!(await this.apply(client, update))) return;
    }
  }

  private async apply(client: ImapFlow, update: FlagUpdate): Promise<boolean> {
    const log = this.logger.child({ emailMessageId: update.messageId, uid: update.uid });
    try {
      const lock = await client.getMailboxLock(this.mailbox.path);
      try {
        const uid = await this.currentUid(client, update);
        // imapflow answers false, not an error, when the server refuses or the connection drops mid-command.
        if (uid !== null && !(await client.messageFlagsAdd(String(uid), update.flags, { uid: true }))) throw new Error('STORE failed');
        if (uid === null) log.info('answered mail no longer in the mailbox; its flags are dropped');
      } finally {
        lock.release();
      }
      await this.updates.done(this.mailbox.key, update.messageId);
      return true;
    } catch (error) {
      const message = (error as Error).message;
      await this.updates.failed(this.mailbox.key, update.messageId, message).catch(() => undefined);
      log.warn({ err: { message }, flags: update.flags }, 'could not set flags on answered mail; they are set after reconnecting');
      return false;
    }
  }

  /** The mail's UID now: the stored one, or (after a UIDVALIDITY change) found again by its Message-ID. */
  private async currentUid(client: ImapFlow, update: FlagUpdate): Promise<number | null> {
    if (client.mailbox && client.mailbox.uidValidity.toString() === update.uidValidity) return update.uid;
    const found = (await client.search({ header: { 'message-id': update.messageId } }, { uid: true })) || [];
    return found[0] ?? null;
  }
}
