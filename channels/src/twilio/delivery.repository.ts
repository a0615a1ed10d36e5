import { Database, newId } from '@support/platform';
import { DeliveryStatus, movesForward } from './delivery-status';

/** Why a message went out: the bot's answer, a person's reply, a rate-limit notice, a keyword answer. */
export type DeliveryPurpose = 'reply' | 'human' | 'notice' | 'keyword' | 'media';

/** One outbound SMS or WhatsApp message and what Twilio said about it. */
export interface Delivery {
  id: string;
  channel: 'sms' | 'whatsapp';
  conversationId: string | null;
  replyToMessageId: string | null;
  purpose: DeliveryPurpose;
  toAddress: string;
  body: string;
  messageSid: string | null;
  status: DeliveryStatus;
  errorCode: number | null;
  errorMessage: string | null;
  attempt: number;
  retryOf: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type NewDelivery = Pick<Delivery, 'channel' | 'conversationId' | 'purpose' | 'toAddress' | 'body'> &
  Partial<Pick<Delivery, 'replyToMessageId' | 'attempt' | 'retryOf'>>;

interface DeliveryRow {
  id: string;
  channel: Delivery['channel'];
  conversation_id: string | null;
  reply_to_message_id: string | null;
  purpose: DeliveryPurpose;
  to_address: string;
  body: string;
  message_sid: string | null;
  status: DeliveryStatus;
  error_code: number | null;
  error_message: string | null;
  attempt: number;
  retry_of: string | null;
  created_at: Date;
  updated_at: Date;
}

export class DeliveryRepository {
  constructor(private readonly db: Database) {}

  /**
   * Records a message about to be sent. With `replyToMessageId`, only the first caller for that
   * customer message gets the row (null for the rest): two deliveries of one webhook answer once.
   */
  async claim(delivery: NewDelivery): Promise<Delivery | null> {
    const { rows } = await this.db.query<DeliveryRow>(
      `INSERT INTO twilio_deliveries (id, channel, conversation_id, reply_to_message_id, purpose, to_address, body, status, attempt, retry_of)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'not_sent', $8, $9)
       ON CONFLICT (reply_to_message_id) DO NOTHING RETURNING *`,
      [newId('dlv'), delivery.channel, delivery.conversationId, delivery.replyToMessageId ?? null, delivery.purpose, delivery.toAddress, delivery.body, delivery.attempt ?? 1, delivery.retryOf ?? null],
    );
    return rows[0] ? toDelivery(rows[0]) : null;
  }

  async markAccepted(id: string, messageSid: string, status: DeliveryStatus): Promise<void> {
    await this.db.query(`UPDATE twilio_deliveries SET message_sid = $2, status = $3, updated_at = now() WHERE id = $1`, [id, messageSid, status]);
  }

  /** Twilio refused it, or we did not send it (opted out, window closed): the reason stays on the row. */
  async markFailed(id: string, status: 'failed' | 'not_sent', errorCode: number | null, errorMessage: string): Promise<void> {
    await this.db.query(`UPDATE twilio_deliveries SET status = $2, error_code = $3, error_message = $4, updated_at = now() WHERE id = $1`, [id, status, errorCode, errorMessage]);
  }

  /** Applies a status callback when it moves the status forward; returns the row as it now stands, or null if unknown. */
  async applyStatus(messageSid: string, status: DeliveryStatus, errorCode: number | null, errorMessage: string | null): Promise<{ delivery: Delivery; changed: boolean } | null> {
    for (;;) {
      const current = await this.findBySid(messageSid);
      if (!current) return null;
      if (!movesForward(current.status, status)) return { delivery: current, changed: false };
      const { rows } = await this.db.query<DeliveryRow>(
        `UPDATE twilio_deliveries SET status = $2, error_code = COALESCE($3, error_code), error_message = COALESCE($4, error_message), updated_at = now()
         WHERE message_sid = $1 AND status = $5 RETURNING *`,
        [messageSid, status, errorCode, errorMessage, current.status],
      );
      // Another callback for this message won the race: read again and decide again.
      if (rows[0]) return { delivery: toDelivery(rows[0]), changed: true };
    }
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

function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    channel: row.channel,
    conversationId: row.conversation_id,
    replyToMessageId: row.reply_to_message_id,
    purpose: row.purpose,
    toAddress: row.to_address,
    body: row.body,
    messageSid: row.message_sid,
    status: row.status,
    errorCode: row.error_code === null ? null : Number(row.error_code),
    errorMessage: row.error_message,
    attempt: Number(row.attempt),
    retryOf: row.retry_of,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
