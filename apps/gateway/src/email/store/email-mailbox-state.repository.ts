import { Database } from '@support/platform';

export interface MailboxPosition {
  uidValidity: string;
  lastUid: number;
}

/** Where the watcher is in each mailbox: UIDVALIDITY (a string: imapflow gives a BigInt) and the last UID fully handled. */
export class EmailMailboxStateRepository {
  constructor(private readonly db: Database) {}

  async get(mailbox: string): Promise<MailboxPosition | null> {
    const { rows } = await this.db.query<{ uid_validity: string; last_uid: string | number }>(
      `SELECT uid_validity, last_uid FROM email_mailbox_state WHERE mailbox = $1`,
      [mailbox],
    );
    return rows[0] ? { uidValidity: rows[0].uid_validity, lastUid: Number(rows[0].last_uid) } : null;
  }

  /** Moves forward only, within one UIDVALIDITY; a new UIDVALIDITY starts over. */
  async advance(mailbox: string, position: MailboxPosition): Promise<void> {
    await this.db.query(
      `INSERT INTO email_mailbox_state (mailbox, uid_validity, last_uid) VALUES ($1, $2, $3)
       ON CONFLICT (mailbox) DO UPDATE SET
         last_uid = CASE WHEN email_mailbox_state.uid_validity = EXCLUDED.uid_validity
                         THEN GREATEST(email_mailbox_state.last_uid, EXCLUDED.last_uid) ELSE EXCLUDED.last_uid END,
         uid_validity = EXCLUDED.uid_validity,
         updated_at = now()`,
      [mailbox, position.uidValidity, position.lastUid],
    );
  }
}
