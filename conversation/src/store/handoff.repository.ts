import { Database, Queryable, newId } from '@support/platform';
import { Handoff } from '../model/handoff';
import { HandoffPacket } from '../model/handoff-packet';

interface HandoffRow {
  id: string;
  conversation_id: string;
  turn_id: string | null;
  reason: string;
  summary: string;
  target: string;
  packet: HandoffPacket | null;
  status: Handoff['status'];
  created_at: Date;
}

export class HandoffRepository {
  constructor(private readonly db: Database) {}

  async insert(handoff: Pick<Handoff, 'conversationId' | 'turnId' | 'reason' | 'summary' | 'target' | 'packet'>, tx: Queryable = this.db): Promise<Handoff> {
    const { rows } = await tx.query<HandoffRow>(
      `INSERT INTO handoffs (id, conversation_id, turn_id, reason, summary, target, packet) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [
        newId('hnd'),
        handoff.conversationId,
        handoff.turnId,
        handoff.reason,
        handoff.summary,
        handoff.target,
        handoff.packet ? JSON.stringify(handoff.packet) : null,
      ],
    );
    return toHandoff(rows[0]);
  }

  async get(id: string, tx: Queryable = this.db): Promise<Handoff | null> {
    const { rows } = await tx.query<HandoffRow>(`SELECT * FROM handoffs WHERE id = $1`, [id]);
    return rows[0] ? toHandoff(rows[0]) : null;
  }

  /** The handoff a turn made, if it made one. */
  async forTurn(turnId: string, tx: Queryable = this.db): Promise<Handoff | null> {
    const { rows } = await tx.query<HandoffRow>(`SELECT * FROM handoffs WHERE turn_id = $1`, [turnId]);
    return rows[0] ? toHandoff(rows[0]) : null;
  }

  async latestForConversation(conversationId: string, tx: Queryable = this.db): Promise<Handoff | null> {
    const { rows } = await tx.query<HandoffRow>(`SELECT * FROM handoffs WHERE conversation_id = $1 ORDER BY created_at DESC LIMIT 1`, [conversationId]);
    return rows[0] ? toHandoff(rows[0]) : null;
  }

  /** A person has taken the conversation: its open handoff is accepted. */
  async markAccepted(conversationId: string, tx: Queryable = this.db): Promise<void> {
    await tx.query(`UPDATE handoffs SET status = 'accepted' WHERE conversation_id = $1 AND status = 'open'`, [conversationId]);
  }

  /** The conversation is resolved or closed: nothing of it waits any more. */
  async markClosed(conversationId: string, tx: Queryable = this.db): Promise<void> {
    await tx.query(`UPDATE handoffs SET status = 'closed' WHERE conversation_id = $1 AND status <> 'closed'`, [conversationId]);
  }

  /** A person gave the conversation back to the queue: its handoff waits again. */
  async markOpen(conversationId: string, tx: Queryable = this.db): Promise<void> {
    await tx.query(`UPDATE handoffs SET status = 'open' WHERE conversation_id = $1 AND status = 'accepted'`, [conversationId]);
  }

  async listOpen(tx: Queryable = this.db): Promise<Handoff[]> {
    const { rows } = await tx.query<HandoffRow>(`SELECT * FROM handoffs WHERE status = 'open' ORDER BY created_at`);
    return rows.map(toHandoff);
  }
}

function toHandoff(row: HandoffRow): Handoff {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    turnId: row.turn_id,
    reason: row.reason,
    summary: row.summary,
    target: row.target,
    packet: row.packet ?? null,
    status: row.status,
    createdAt: new Date(row.created_at),
  };
}
