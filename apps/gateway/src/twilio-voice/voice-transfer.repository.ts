import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@support/platform';

export interface VoiceTransfer {
  callSid: string;
  conversationId: string;
  handoffId: string | null;
  queueName: string;
  /** `bridged`: connected to a person (by `<Dial><Queue>`, or dequeued for a person who took the call). */
  status: 'requested' | 'waiting' | 'bridged' | 'left';
  queuePosition: number | null;
  waitMs: number | null;
  queueResult: string | null;
  agentCallSid: string | null;
  /** Twilio's `QU…` sid of the queue, from the hold requests; the REST API addresses queues by it. */
  queueSid: string | null;
  /** Set while a person who took the call from the workspace is being dialled (the secret in their leg's URLs). */
  takeToken: string | null;
  takenBy: string | null;
}

/** `voice_transfers`: the caller's place in the queue and the time waited, per transferred call. */
@Injectable()
export class VoiceTransferRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  async insert(transfer: Pick<VoiceTransfer, 'callSid' | 'conversationId' | 'handoffId' | 'queueName'>): Promise<void> {
    await this.db.query(
      `INSERT INTO voice_transfers (call_sid, conversation_id, handoff_id, queue_name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (call_sid) DO UPDATE SET conversation_id = EXCLUDED.conversation_id, handoff_id = EXCLUDED.handoff_id, queue_name = EXCLUDED.queue_name, status = 'requested'`,
      [transfer.callSid, transfer.conversationId, transfer.handoffId, transfer.queueName],
    );
  }

  /** From the hold (waitUrl) requests: Twilio reports the queue, the position and the seconds waited so far. */
  async recordWaiting(callSid: string, position: number | null, waitMs: number | null, queueSid: string | null = null): Promise<void> {
    await this.db.query(
      `UPDATE voice_transfers SET status = CASE WHEN status = 'requested' THEN 'waiting' ELSE status END,
         queue_position = COALESCE($2, queue_position), wait_ms = COALESCE($3, wait_ms), enqueued_at = COALESCE(enqueued_at, now()),
         queue_sid = COALESCE($4, queue_sid), wait_reported_at = now()
       WHERE call_sid = $1`,
      [callSid, position, waitMs, queueSid],
    );
  }

  /**
   * From the Enqueue action: how the wait ended (`bridged`, `hangup`, …) and its length. A call already dequeued
   * for a person stays `bridged` (Twilio requests the action at once when a member is dequeued by REST), unless
   * `evenIfBridged`: the dequeue itself failed because the caller had gone.
   */
  async recordLeft(callSid: string, result: string, waitMs: number | null, { evenIfBridged = false } = {}): Promise<void> {
    await this.db.query(
      `UPDATE voice_transfers SET status = CASE WHEN NOT $4 AND (status = 'bridged' OR $2 IN ('bridged', 'bridging-in-progress')) THEN 'bridged' ELSE 'left' END,
         queue_result = $2, wait_ms = COALESCE($3, wait_ms), left_queue_at = now()
       WHERE call_sid = $1`,
      [callSid, result, waitMs, evenIfBridged],
    );
  }

  /** The caller at the head of the queue: Twilio queues are first in, first out. */
  async headOfQueue(queueName: string): Promise<VoiceTransfer | null> {
    const { rows } = await this.db.query<any>(
      `SELECT * FROM voice_transfers WHERE queue_name = $1 AND status IN ('requested', 'waiting') AND agent_call_sid IS NULL ORDER BY requested_at LIMIT 1`,
      [queueName],
    );
    return rows[0] ? toTransfer(rows[0]) : null;
  }

  /**
   * The person on the agent line (`accountId`, null for a `VOICE_AGENT_NUMBER` that is no account) is about to be
   * bridged to this caller; false when another leg got there first.
   */
  async markTakenBy(callSid: string, agentCallSid: string, accountId: string | null = null): Promise<boolean> {
    const { rows } = await this.db.query(
      `UPDATE voice_transfers SET agent_call_sid = $2, taken_by = $3
        WHERE call_sid = $1 AND agent_call_sid IS NULL AND status IN ('requested', 'waiting') RETURNING call_sid`,
      [callSid, agentCallSid, accountId],
    );
    return rows.length > 0;
  }

  /** Undoes `markTakenBy` for a person the agent line then refused. */
  async releaseTakenBy(callSid: string, agentCallSid: string): Promise<void> {
    await this.db.query(`UPDATE voice_transfers SET agent_call_sid = NULL, taken_by = NULL WHERE call_sid = $1 AND agent_call_sid = $2`, [
      callSid,
      agentCallSid,
    ]);
  }

  /** The workspace account whose own phone (E.164) is `phone`, if any: the agent line bridges only the team. */
  async accountWithPhone(phone: string): Promise<string | null> {
    if (!phone) return null;
    const { rows } = await this.db.query<{ id: string }>(`SELECT id FROM workspace_accounts WHERE phone = $1 ORDER BY created_at, id LIMIT 1`, [phone]);
    return rows[0]?.id ?? null;
  }

  async get(callSid: string): Promise<VoiceTransfer | null> {
    const { rows } = await this.db.query<any>(`SELECT * FROM voice_transfers WHERE call_sid = $1`, [callSid]);
    return rows[0] ? toTransfer(rows[0]) : null;
  }

  /** The conversation's most recent transferred call. */
  async latestForConversation(conversationId: string): Promise<VoiceTransfer | null> {
    const { rows } = await this.db.query<any>(`SELECT * FROM voice_transfers WHERE conversation_id = $1 ORDER BY requested_at DESC LIMIT 1`, [conversationId]);
    return rows[0] ? toTransfer(rows[0]) : null;
  }

  /**
   * Holds a waiting call for one person while their phone rings; null when it is not waiting or someone holds it.
   * A hold older than `staleAfterMs` that never bridged is dead (its gateway stopped before dialling, or Twilio's
   * status callback never came) and gives way.
   */
  async reserveForTake(callSid: string, takeToken: string, accountId: string, staleAfterMs: number): Promise<VoiceTransfer | null> {
    const { rows } = await this.db.query<any>(
      `UPDATE voice_transfers SET take_token = $2, taken_by = $3, agent_call_sid = NULL, take_reserved_at = now()
        WHERE call_sid = $1 AND status = 'waiting'
          AND (take_token IS NULL OR take_reserved_at IS NULL OR take_reserved_at < now() - $4 * interval '1 millisecond') RETURNING *`,
      [callSid, takeToken, accountId, staleAfterMs],
    );
    return rows[0] ? toTransfer(rows[0]) : null;
  }

  async setTakeCall(takeToken: string, agentCallSid: string): Promise<void> {
    await this.db.query(`UPDATE voice_transfers SET agent_call_sid = $2 WHERE take_token = $1`, [takeToken, agentCallSid]);
  }

  async byTakeToken(takeToken: string): Promise<VoiceTransfer | null> {
    const { rows } = await this.db.query<any>(`SELECT * FROM voice_transfers WHERE take_token = $1`, [takeToken]);
    return rows[0] ? toTransfer(rows[0]) : null;
  }

  /** The person answered and the caller is still waiting: from now on the call is theirs (one conditional update). */
  async markConnecting(takeToken: string, agentCallSid: string): Promise<VoiceTransfer | null> {
    const { rows } = await this.db.query<any>(
      `UPDATE voice_transfers SET status = 'bridged', agent_call_sid = $2 WHERE take_token = $1 AND status = 'waiting' RETURNING *`,
      [takeToken, agentCallSid],
    );
    return rows[0] ? toTransfer(rows[0]) : null;
  }

  /**
   * The person's phone did not connect: the call is free to take again. Returns who had it, unless it was bridged
   * (or, with `onlyWhileWaiting`, unless the caller is no longer waiting in the queue).
   */
  async releaseTake(takeToken: string, { onlyWhileWaiting = false } = {}): Promise<VoiceTransfer | null> {
    const { rows } = await this.db.query<any>(
      `UPDATE voice_transfers v SET take_token = NULL, taken_by = NULL, agent_call_sid = NULL, take_reserved_at = NULL
         FROM (SELECT call_sid, taken_by FROM voice_transfers WHERE take_token = $1 FOR UPDATE) held
        WHERE v.call_sid = held.call_sid AND v.status <> 'bridged' AND (NOT $2 OR v.status = 'waiting')
        RETURNING v.*, held.taken_by AS released_from`,
      [takeToken, onlyWhileWaiting],
    );
    return rows[0] ? { ...toTransfer(rows[0]), takenBy: rows[0].released_from } : null;
  }
}

function toTransfer(row: any): VoiceTransfer {
  return {
    callSid: row.call_sid,
    conversationId: row.conversation_id,
    handoffId: row.handoff_id,
    queueName: row.queue_name,
    status: row.status,
    queuePosition: row.queue_position,
    waitMs: row.wait_ms,
    queueResult: row.queue_result,
    agentCallSid: row.agent_call_sid,
    queueSid: row.queue_sid ?? null,
    takeToken: row.take_token ?? null,
    takenBy: row.taken_by ?? null,
  };
}
