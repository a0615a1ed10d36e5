import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@support/platform';

export interface VoiceTransfer {
  callSid: string;
  conversationId: string;
  handoffId: string | null;
  queueName: string;
  status: 'requested' | 'waiting' | 'bridged' | 'left';
  queuePosition: number | null;
  waitMs: number | null;
  queueResult: string | null;
  agentCallSid: string | null;
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

  /** From the hold (waitUrl) requests: Twilio reports the position and the seconds waited so far. */
  async recordWaiting(callSid: string, position: number | null, waitMs: number | null): Promise<void> {
    await this.db.query(
      `UPDATE voice_transfers SET status = CASE WHEN status = 'requested' THEN 'waiting' ELSE status END,
         queue_position = COALESCE($2, queue_position), wait_ms = COALESCE($3, wait_ms), enqueued_at = COALESCE(enqueued_at, now())
       WHERE call_sid = $1`,
      [callSid, position, waitMs],
    );
  }

  /** From the Enqueue action: how the wait ended (`bridged`, `hangup`, …) and its length. */
  async recordLeft(callSid: string, result: string, waitMs: number | null): Promise<void> {
    await this.db.query(
      `UPDATE voice_transfers SET status = CASE WHEN $2 IN ('bridged', 'bridging-in-progress') THEN 'bridged' ELSE 'left' END,
         queue_result = $2, wait_ms = COALESCE($3, wait_ms), left_queue_at = now()
       WHERE call_sid = $1`,
      [callSid, result, waitMs],
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

  async markTakenBy(callSid: string, agentCallSid: string): Promise<void> {
    await this.db.query(`UPDATE voice_transfers SET agent_call_sid = $2 WHERE call_sid = $1`, [callSid, agentCallSid]);
  }

  async get(callSid: string): Promise<VoiceTransfer | null> {
    const { rows } = await this.db.query<any>(`SELECT * FROM voice_transfers WHERE call_sid = $1`, [callSid]);
    return rows[0] ? toTransfer(rows[0]) : null;
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
  };
}
