import { Database } from '@support/platform';
import { TwilioInbound } from './twilio-inbound.mapper';

/** An inbound webhook kept until it has been dealt with (answered, or deliberately not). */
export interface InboxEntry {
  inbound: TwilioInbound;
  attempts: number;
}

/**
 * Every SMS / WhatsApp webhook as received, stored before Twilio gets its 200. A row stays
 * unhandled until its answer is in the outbox (or it needs none), so a restart finds what a
 * crash interrupted. Whoever works on a row holds its lease; an expired lease is free to take.
 */
export class TwilioInboxRepository {
  constructor(private readonly db: Database) {}

  /** Keeps the webhook (a redelivery changes nothing) and takes its lease. */
  async record(inbound: TwilioInbound, leaseMs: number): Promise<void> {
    await this.db.query(
      `INSERT INTO twilio_inbox (message_sid, channel, inbound, lease_until, attempts)
       VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond', 1)
       ON CONFLICT (message_sid) DO UPDATE SET attempts = twilio_inbox.attempts + 1, lease_until = EXCLUDED.lease_until
       WHERE twilio_inbox.handled_at IS NULL`,
      [inbound.messageSid, inbound.channel, JSON.stringify(inbound), leaseMs],
    );
  }

  /**
   * Takes up to `limit` unhandled webhooks received since `since` with fewer than `maxAttempts`
   * tries, oldest first. `ignoreLeases` at start: leases then belong to a process that is gone.
   */
  async takeUnhandled(options: { since: Date; maxAttempts: number; leaseMs: number; limit: number; ignoreLeases: boolean }): Promise<InboxEntry[]> {
    const { rows } = await this.db.query<{ inbound: TwilioInbound | string; attempts: number }>(
      `UPDATE twilio_inbox SET attempts = attempts + 1, lease_until = now() + $3 * interval '1 millisecond'
       WHERE message_sid IN (
         SELECT message_sid FROM twilio_inbox
         WHERE handled_at IS NULL AND received_at >= $1 AND attempts < $2 AND ($5 OR lease_until IS NULL OR lease_until < now())
         ORDER BY received_at LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING inbound, attempts`,
      [options.since, options.maxAttempts, options.leaseMs, options.limit, options.ignoreLeases],
    );
    return rows.map((r) => ({ inbound: typeof r.inbound === 'string' ? JSON.parse(r.inbound) : r.inbound, attempts: Number(r.attempts) }));
  }

  async markHandled(messageSid: string): Promise<void> {
    await this.db.query(`UPDATE twilio_inbox SET handled_at = now(), lease_until = NULL, last_error = NULL WHERE message_sid = $1`, [messageSid]);
  }

  /** Lets the next sweep try again; the error is kept for whoever looks. */
  async release(messageSid: string, error: string): Promise<void> {
    await this.db.query(`UPDATE twilio_inbox SET lease_until = NULL, last_error = $2 WHERE message_sid = $1 AND handled_at IS NULL`, [
      messageSid,
      error.slice(0, 500),
    ]);
  }
}
