import { OutboundEmail } from '@support/channels';
import { Database, Queryable, newId } from '@support/platform';

export type OutboxKind = 'reply' | 'handoff' | 'human_reply';
export type OutboxStatus = 'pending' | 'sent' | 'failed';

export interface OutboxEntry {
  id: string;
  conversationId: string;
  cause: string;
  kind: OutboxKind;
  mail: OutboundEmail;
  status: OutboxStatus;
  attempts: number;
}

interface OutboxRow {
  id: string;
  conversation_id: string;
  cause: string;
  kind: OutboxKind;
  payload: StoredMail | string;
  status: OutboxStatus;
  attempts: number;
}

type StoredMail = Omit<OutboundEmail, 'attachments'> & { attachments?: Array<{ filename: string; contentType: string; base64: string }> };

/**
 * Mail to send, written before it is sent. `cause` is unique (`<inbound Message-ID>:reply`), so
 * reading the same customer mail again can never queue a second answer.
 */
export class EmailOutboxRepository {
  constructor(private readonly db: Database) {}

  /** Queues a mail; false when one with the same cause was queued before (and the new one is dropped). */
  async enqueue(entry: { conversationId: string; cause: string; kind: OutboxKind; mail: OutboundEmail }, tx: Queryable = this.db): Promise<boolean> {
    const { rows } = await tx.query(
      `INSERT INTO email_outbox (id, message_id, conversation_id, cause, kind, payload) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (cause) DO NOTHING RETURNING id`,
      [newId('eout'), entry.mail.messageId, entry.conversationId, entry.cause, entry.kind, JSON.stringify(toStored(entry.mail))],
    );
    return rows.length > 0;
  }

  /**
   * Takes up to `limit` mails due for sending and holds them for `claimMs`, so another gateway draining at the same
   * moment skips them; a sender that dies lets go when the hold runs out (or at the next start, without replicas).
   */
  async claimDue(limit: number, claimMs: number): Promise<OutboxEntry[]> {
    const { rows } = await this.db.query<OutboxRow>(
      `UPDATE email_outbox SET claimed_until = now() + make_interval(secs => $2::bigint / 1000.0)
        WHERE id IN (SELECT id FROM email_outbox
                      WHERE status = 'pending' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
                      ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, conversation_id, cause, kind, payload, status, attempts`,
      [limit, claimMs],
    );
    return rows.map(toEntry);
  }

  /** Lets go of every hold: at start, when no other gateway can be sending. */
  async releaseClaims(): Promise<void> {
    await this.db.query(`UPDATE email_outbox SET claimed_until = NULL WHERE claimed_until IS NOT NULL AND status = 'pending'`);
  }

  async byCause(cause: string): Promise<OutboxEntry | null> {
    const { rows } = await this.db.query<OutboxRow>(`SELECT id, conversation_id, cause, kind, payload, status, attempts FROM email_outbox WHERE cause = $1`, [
      cause,
    ]);
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async markSent(id: string): Promise<void> {
    await this.db.query(
      `UPDATE email_outbox SET status = 'sent', attempts = attempts + 1, sent_at = now(), last_error = NULL, claimed_until = NULL WHERE id = $1`,
      [id],
    );
  }

  async markAttemptFailed(id: string, error: string, retryInMs: number | null): Promise<void> {
    await this.db.query(
      `UPDATE email_outbox SET attempts = attempts + 1, last_error = $2, claimed_until = NULL,
         status = CASE WHEN $3::bigint IS NULL THEN 'failed' ELSE 'pending' END,
         next_attempt_at = now() + make_interval(secs => COALESCE($3::bigint, 0) / 1000.0)
       WHERE id = $1`,
      [id, error.slice(0, 500), retryInMs],
    );
  }
}

function toStored(mail: OutboundEmail): StoredMail {
  return { ...mail, attachments: mail.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, base64: a.content.toString('base64') })) };
}

function toEntry(row: OutboxRow): OutboxEntry {
  const stored: StoredMail = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
  const mail: OutboundEmail = {
    ...stored,
    attachments: stored.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.base64, 'base64') })),
  };
  return { id: row.id, conversationId: row.conversation_id, cause: row.cause, kind: row.kind, mail, status: row.status, attempts: row.attempts };
}
