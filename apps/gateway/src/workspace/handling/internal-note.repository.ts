import { Database, newId } from '@support/platform';

/** A note people on the team leave on a conversation; never sent to the customer. */
export interface InternalNote {
  id: string;
  conversationId: string;
  accountId: string;
  authorEmail: string;
  text: string;
  createdAt: Date;
}

export class InternalNoteRepository {
  constructor(private readonly db: Database) {}

  async add(conversationId: string, accountId: string, text: string): Promise<void> {
    await this.db.query(`INSERT INTO workspace_notes (id, conversation_id, account_id, text) VALUES ($1, $2, $3, $4)`, [
      newId('note'),
      conversationId,
      accountId,
      text,
    ]);
  }

  async list(conversationId: string): Promise<InternalNote[]> {
    const { rows } = await this.db.query<{ id: string; conversation_id: string; account_id: string; email: string; text: string; created_at: Date }>(
      `SELECT n.*, a.email FROM workspace_notes n JOIN workspace_accounts a ON a.id = n.account_id WHERE n.conversation_id = $1 ORDER BY n.created_at, n.id`,
      [conversationId],
    );
    return rows.map((row) => ({
      id: row.id,
      conversationId: row.conversation_id,
      accountId: row.account_id,
      authorEmail: row.email,
      text: row.text,
      createdAt: new Date(row.created_at),
    }));
  }
}
