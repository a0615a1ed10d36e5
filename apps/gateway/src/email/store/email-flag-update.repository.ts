import { Database } from '@support/platform';

export interface FlagUpdate {
  messageId: string;
  uidValidity: string;
  uid: number;
  flags: string[];
}

/** Flags still to set on mail in the mailbox, kept until the server has them. */
export class EmailFlagUpdateRepository {
  constructor(private readonly db: Database) {}

  async want(mailbox: string, update: FlagUpdate): Promise<void> {
    await this.db.query(
      `INSERT INTO email_flag_updates (mailbox, message_id, uid_validity, uid, flags) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (mailbox, message_id) DO UPDATE SET uid_validity = EXCLUDED.uid_validity, uid = EXCLUDED.uid, flags = EXCLUDED.flags`,
      [mailbox, update.messageId, update.uidValidity, update.uid, JSON.stringify(update.flags)],
    );
  }

  async pending(mailbox: string): Promise<FlagUpdate[]> {
    const { rows } = await this.db.query<{ message_id: string; uid_validity: string; uid: string | number; flags: string[] | string }>(
      `SELECT message_id, uid_validity, uid, flags FROM email_flag_updates WHERE mailbox = $1 ORDER BY created_at`,
      [mailbox],
    );
    return rows.map((r) => ({
      messageId: r.message_id,
      uidValidity: r.uid_validity,
      uid: Number(r.uid),
      flags: typeof r.flags === 'string' ? JSON.parse(r.flags) : r.flags,
    }));
  }

  async done(mailbox: string, messageId: string): Promise<void> {
    await this.db.query(`DELETE FROM email_flag_updates WHERE mailbox = $1 AND message_id = $2`, [mailbox, messageId]);
  }

  async failed(mailbox: string, messageId: string, error: string): Promise<void> {
    await this.db.query(`UPDATE email_flag_updates SET attempts = attempts + 1, last_error = $3 WHERE mailbox = $1 AND message_id = $2`, [
      mailbox,
      messageId,
      error.slice(0, 500),
    ]);
  }
}
