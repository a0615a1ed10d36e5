import { Database } from '@support/platform';

/** Older mail still to read after a fresh start: below `belowUid` and received since `since`. */
export interface MailboxBackfill {
  belowUid: number;
  since: Date;
}

export interface MailboxPosition {
  uidValidity: string;
  lastUid: number;
  /** When the watcher last finished a pass over the mailbox. */
  checkedAt: Date;
  backfill: MailboxBackfill | null;
}

interface PositionRow {
  uid_validity: string;
  last_uid: string | number;
  checked_at: Date | string;
  backfill_below_uid: string | number | null;
  backfill_since: Date | string | null;
}

/** Where the watcher is in each mailbox: UIDVALIDITY (a string: imapflow gives a BigInt), the last UID fully handled, and any backfill still to do. */
export class EmailMailboxStateRepository {
  constructor(private readonly db: Database) {}

  async get(mailbox: string): Promise<MailboxPosition | null> {
    const { rows } = await this.db.query<PositionRow>(
      `SELECT uid_validity, last_uid, checked_at, backfill_below_uid, backfill_since FROM email_mailbox_state WHERE mailbox = $1`,
      [mailbox],
    );
    const row = rows[0];
    if (!row) return null;
    const backfill =
      row.backfill_below_uid !== null && row.backfill_since !== null ? { belowUid: Number(row.backfill_below_uid), since: new Date(row.backfill_since) } : null;
    return { uidValidity: row.uid_validity, lastUid: Number(row.last_uid), checkedAt: new Date(row.checked_at), backfill };
  }

  /** A fresh start in a mailbox (first look, or a new UIDVALIDITY): replaces whatever was stored. */
  async startAt(mailbox: string, start: { uidValidity: string; lastUid: number; backfill: MailboxBackfill | null }): Promise<void> {
    await this.db.query(
      `INSERT INTO email_mailbox_state (mailbox, uid_validity, last_uid, backfill_below_uid, backfill_since, checked_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (mailbox) DO UPDATE SET uid_validity = EXCLUDED.uid_validity, last_uid = EXCLUDED.last_uid,
         backfill_below_uid = EXCLUDED.backfill_below_uid, backfill_since = EXCLUDED.backfill_since, checked_at = now(), updated_at = now()`,
      [mailbox, start.uidValidity, start.lastUid, start.backfill?.belowUid ?? null, start.backfill?.since ?? null],
    );
  }

  /** Moves forward only, within the stored UIDVALIDITY. */
  async advance(mailbox: string, position: { uidValidity: string; lastUid: number }): Promise<void> {
    await this.db.query(`UPDATE email_mailbox_state SET last_uid = GREATEST(last_uid, $3), updated_at = now() WHERE mailbox = $1 AND uid_validity = $2`, [
      mailbox,
      position.uidValidity,
      position.lastUid,
    ]);
  }

  async finishBackfill(mailbox: string, uidValidity: string): Promise<void> {
    await this.db.query(
      `UPDATE email_mailbox_state SET backfill_below_uid = NULL, backfill_since = NULL, updated_at = now() WHERE mailbox = $1 AND uid_validity = $2`,
      [mailbox, uidValidity],
    );
  }

  /** The pass that began at `at` read everything the mailbox held then. */
  async checked(mailbox: string, uidValidity: string, at: Date): Promise<void> {
    await this.db.query(`UPDATE email_mailbox_state SET checked_at = $3 WHERE mailbox = $1 AND uid_validity = $2`, [mailbox, uidValidity, at]);
  }
}
