import { Database, newId, Queryable } from '@support/platform';
import { DeliveryStatus, TwilioMessageStatus, movesForward } from './delivery-status';
import { Delivery, DeliveryRow, toDelivery } from './delivery.row';

export type NewDelivery = Pick<Delivery, 'channel' | 'conversationId' | 'purpose' | 'toAddress' | 'body'> &
  Partial<Pick<Delivery, 'replyToMessageId' | 'sender'>>;

/** The next attempt at a delivery: a new row, due at `dueAt`. */
export interface Retry {
  dueAt: Date;
}

const ms = (value: number) => `now() + ${Math.max(0, Math.round(value))} * interval '1 millisecond'`;

/**
 * The outbox: every SMS / WhatsApp send is a row before it is tried, and every state it can be
 * left in by a crash is one a poller can pick up (`pending` due, `submitting` with an expired
 * lease, `unknown` due for a lookup). Transitions are conditional updates, so two processes
 * never both send one row.
 */
export class DeliveryRepository {
  constructor(private readonly db: Database) {}

  /**
   * Records a message to send now (`pending`); the poller takes it only after `headStartMs`, if its
   * creator has not sent it by then. With `replyToMessageId`, only the first caller for that
   * customer message creates the row: the rest get the existing one, with `created: false`.
   */
  async claim(delivery: NewDelivery, headStartMs: number): Promise<{ delivery: Delivery; created: boolean }> {
    const { rows } = await this.db.query<DeliveryRow>(
      `INSERT INTO twilio_deliveries (id, channel, conversation_id, reply_to_message_id, purpose, to_address, sender, body, status, attempt, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', 1, ${ms(headStartMs)})
       ON CONFLICT (reply_to_message_id) DO NOTHING RETURNING *`,
      [
        newId('dlv'),
        delivery.channel,
        delivery.conversationId,
        delivery.replyToMessageId ?? null,
        delivery.purpose,
        delivery.toAddress,
        delivery.sender ?? null,
        delivery.body,
      ],
    );
    if (rows[0]) return { delivery: toDelivery(rows[0]), created: true };
    const existing = await this.db.query<DeliveryRow>(`SELECT * FROM twilio_deliveries WHERE reply_to_message_id = $1`, [delivery.replyToMessageId]);
    return { delivery: toDelivery(existing.rows[0]), created: false };
  }

  /** Takes a `pending` row (a due one, unless `ignoreDue`) for sending; null when someone else has it. */
  async startSubmitting(id: string, sender: string, leaseMs: number, ignoreDue = false): Promise<Delivery | null> {
    const { rows } = await this.db.query<DeliveryRow>(
      `UPDATE twilio_deliveries SET status = 'submitting', sender = $2, lease_until = ${ms(leaseMs)}, submitted_at = now(), next_attempt_at = NULL, updated_at = now()
       WHERE id = $1 AND status = 'pending' AND ($3 OR next_attempt_at <= now()) RETURNING *`,
      [id, sender, ignoreDue],
    );
    return rows[0] ? toDelivery(rows[0]) : null;
  }

  /** Twilio has it. A status callback may have got here first: the status only moves forward. */
  async markAccepted(id: string, messageSid: string, status: TwilioMessageStatus): Promise<void> {
    await this.db.query(
      `UPDATE twilio_deliveries SET message_sid = COALESCE(message_sid, $2),
         status = CASE WHEN status IN ('pending', 'submitting', 'unknown', 'not_sent') THEN $3 ELSE status END,
         lease_until = NULL, next_attempt_at = NULL, updated_at = now()
       WHERE id = $1`,
      [id, messageSid, status],
    );
  }

  /** The request went out and no clear answer came back: never sent again blindly, looked up at `checkAt`. */
  async markUnknown(id: string, errorMessage: string, checkAt: Date): Promise<void> {
    await this.db.query(
      `UPDATE twilio_deliveries SET status = 'unknown', error_message = $2, lease_until = NULL, next_attempt_at = $3, updated_at = now()
       WHERE id = $1 AND status = 'submitting'`,
      [id, errorMessage, checkAt],
    );
  }

  /**
   * Twilio refused it, we did not send it (opted out, window closed), or Twilio never got it: the
   * reason stays on the row, and with `retry` the next attempt is a new pending row, created once.
   * Applies only while the row is still `from`; returns the retry row, if one was created.
   */
  async close(
    id: string,
    from: DeliveryStatus[],
    outcome: { status: 'failed' | 'not_sent'; errorCode: number | null; errorMessage: string },
    retry: Retry | null,
  ): Promise<Delivery | null> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<DeliveryRow>(
        `UPDATE twilio_deliveries SET status = $3, error_code = $4, error_message = $5, lease_until = NULL, next_attempt_at = NULL, updated_at = now()
         WHERE id = $1 AND status = ANY($2) RETURNING *`,
        [id, from, outcome.status, outcome.errorCode, outcome.errorMessage],
      );
      if (!rows[0] || !retry) return null;
      return this.insertRetry(toDelivery(rows[0]), retry, tx);
    });
  }

  /** A failure Twilio reported later (status callback): the next attempt, created once. */
  async scheduleRetry(failed: Delivery, retry: Retry): Promise<Delivery | null> {
    return this.insertRetry(failed, retry, this.db);
  }

  private async insertRetry(failed: Delivery, retry: Retry, tx: Queryable): Promise<Delivery | null> {
    const { rows } = await tx.query<DeliveryRow>(
      `INSERT INTO twilio_deliveries (id, channel, conversation_id, purpose, to_address, sender, body, status, attempt, retry_of, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9, $10)
       ON CONFLICT (retry_of) WHERE retry_of IS NOT NULL DO NOTHING RETURNING *`,
      [
        newId('dlv'),
        failed.channel,
        failed.conversationId,
        failed.purpose,
        failed.toAddress,
        failed.sender,
        failed.body,
        failed.attempt + 1,
        failed.id,
        retry.dueAt,
      ],
    );
    return rows[0] ? toDelivery(rows[0]) : null;
  }

  /**
   * Sends whose process died mid-request: their outcome is unknown. `all` at start, when no
   * request of this process is in flight; otherwise only those whose lease has expired.
   */
  async expireSubmitting(all: boolean): Promise<Delivery[]> {
    const { rows } = await this.db.query<DeliveryRow>(
      `UPDATE twilio_deliveries SET status = 'unknown', lease_until = NULL, next_attempt_at = now(), updated_at = now(),
         error_message = 'interrupted while Twilio was being asked'
       WHERE status = 'submitting' AND ($1 OR lease_until < now()) RETURNING *`,
      [all],
    );
    return rows.map(toDelivery);
  }

  /** Pending sends that are due and unknown ones due for a lookup, oldest first. */
  async due(limit: number): Promise<Delivery[]> {
    const { rows } = await this.db.query<DeliveryRow>(
      `SELECT * FROM twilio_deliveries WHERE next_attempt_at <= now() AND status IN ('pending', 'unknown') ORDER BY next_attempt_at LIMIT $1`,
      [limit],
    );
    return rows.map(toDelivery);
  }

  /** Twilio did not have it yet: look again at `checkAt`. */
  async deferLookup(id: string, checkAt: Date): Promise<void> {
    await this.db.query(`UPDATE twilio_deliveries SET next_attempt_at = $2, updated_at = now() WHERE id = $1 AND status = 'unknown'`, [id, checkAt]);
  }

  /** Applies a status callback when it moves the status forward; returns the row as it now stands, or null if unknown. */
  async applyStatus(
    messageSid: string,
    status: TwilioMessageStatus,
    errorCode: number | null,
    errorMessage: string | null,
    deliveryId: string | null = null,
  ): Promise<{ delivery: Delivery; changed: boolean } | null> {
    // A send whose answer never came has no sid yet: the callback URL names its row.
    if (deliveryId) await this.db.query(`UPDATE twilio_deliveries SET message_sid = $2 WHERE id = $1 AND message_sid IS NULL`, [deliveryId, messageSid]);
    for (;;) {
      const current = await this.findBySid(messageSid);
      if (!current) return null;
      if (!movesForward(current.status, status)) return { delivery: current, changed: false };
      const { rows } = await this.db.query<DeliveryRow>(
        `UPDATE twilio_deliveries SET status = $2, error_code = COALESCE($3, error_code), error_message = COALESCE($4, error_message),
           lease_until = NULL, next_attempt_at = NULL, updated_at = now()
         WHERE message_sid = $1 AND status = $5 RETURNING *`,
        [messageSid, status, errorCode, errorMessage, current.status],
      );
      // Another callback for this message won the race: read again and decide again.
      if (rows[0]) return { delivery: toDelivery(rows[0]), changed: true };
    }
  }

  async get(id: string): Promise<Delivery | null> {
    const { rows } = await this.db.query<DeliveryRow>(`SELECT * FROM twilio_deliveries WHERE id = $1`, [id]);
    return rows[0] ? toDelivery(rows[0]) : null;
  }

  async findBySid(messageSid: string): Promise<Delivery | null> {
    const { rows } = await this.db.query<DeliveryRow>(`SELECT * FROM twilio_deliveries WHERE message_sid = $1`, [messageSid]);
    return rows[0] ? toDelivery(rows[0]) : null;
  }

  async list(filter: { statuses?: DeliveryStatus[]; conversationId?: string; limit?: number } = {}): Promise<Delivery[]> {
    const { rows } = await this.db.query<DeliveryRow>(
      `SELECT * FROM twilio_deliveries
       WHERE ($1::text[] IS NULL OR status = ANY($1)) AND ($2::text IS NULL OR conversation_id = $2)
       ORDER BY created_at DESC LIMIT $3`,
      [filter.statuses ?? null, filter.conversationId ?? null, filter.limit ?? 100],
    );
    return rows.map(toDelivery);
  }
}
