import { Database, Queryable, newId } from '@support/platform';

/** A follow-up for the team that does not take the conversation from the bot (a callback, a check with the warehouse). */
export interface Ticket {
  id: string;
  conversationId: string;
  summary: string;
  /** What it is about (the turn's route); one open ticket per conversation and topic. */
  topic: string;
  status: 'open' | 'closed';
  createdAt: Date;
}

export class TicketRepository {
  constructor(private readonly db: Database) {}

  /** Opens a ticket, or returns the one already open for this conversation and topic (`alreadyOpen`). */
  async open(conversationId: string, topic: string, summary: string, tx: Queryable = this.db): Promise<Ticket & { alreadyOpen: boolean }> {
    const inserted = await tx.query<TicketRow>(
      `INSERT INTO tickets (id, conversation_id, topic, summary) VALUES ($1, $2, $3, $4)
       ON CONFLICT (conversation_id, topic) WHERE status = 'open' DO NOTHING RETURNING *`,
      [newId('tkt'), conversationId, topic, summary],
    );
    if (inserted.rows[0]) return { ...toTicket(inserted.rows[0]), alreadyOpen: false };
    const { rows } = await tx.query<TicketRow>(`SELECT * FROM tickets WHERE conversation_id = $1 AND topic = $2 AND status = 'open'`, [conversationId, topic]);
    return { ...toTicket(rows[0]), alreadyOpen: true };
  }
}

interface TicketRow {
  id: string;
  conversation_id: string;
  topic: string;
  summary: string;
  status: Ticket['status'];
  created_at: Date;
}

function toTicket(row: TicketRow): Ticket {
  return { id: row.id, conversationId: row.conversation_id, topic: row.topic, summary: row.summary, status: row.status, createdAt: new Date(row.created_at) };
}
