import { Database, Queryable, newId } from '@support/platform';

/** A follow-up for the team that does not take the conversation from the bot (a callback, a check with the warehouse). */
export interface Ticket {
  id: string;
  conversationId: string;
  summary: string;
  status: 'open' | 'closed';
  createdAt: Date;
}

export class TicketRepository {
  constructor(private readonly db: Database) {}

  async open(conversationId: string, summary: string, tx: Queryable = this.db): Promise<Ticket> {
    const { rows } = await tx.query<{ id: string; conversation_id: string; summary: string; status: Ticket['status']; created_at: Date }>(
      `INSERT INTO tickets (id, conversation_id, summary) VALUES ($1, $2, $3) RETURNING *`,
      [newId('tkt'), conversationId, summary],
    );
    const row = rows[0];
    return { id: row.id, conversationId: row.conversation_id, summary: row.summary, status: row.status, createdAt: new Date(row.created_at) };
  }
}
