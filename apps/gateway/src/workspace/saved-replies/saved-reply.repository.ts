import { Database, newId } from '@support/platform';

/** A reply the team writes often, for anyone to insert into the reply box and edit. */
export interface SavedReply {
  id: string;
  title: string;
  text: string;
  createdAt: string;
}

interface SavedReplyRow {
  id: string;
  title: string;
  text: string;
  created_at: Date;
}

export class SavedReplyRepository {
  constructor(private readonly db: Database) {}

  async add(title: string, text: string, accountId: string): Promise<SavedReply> {
    const { rows } = await this.db.query<SavedReplyRow>(
      `INSERT INTO workspace_saved_replies (id, title, text, created_by) VALUES ($1, $2, $3, $4) RETURNING id, title, text, created_at`,
      [newId('reply'), title, text, accountId],
    );
    return toSavedReply(rows[0]);
  }

  async list(): Promise<SavedReply[]> {
    const { rows } = await this.db.query<SavedReplyRow>(`SELECT id, title, text, created_at FROM workspace_saved_replies ORDER BY lower(title), id`);
    return rows.map(toSavedReply);
  }

  /** Whether there was such a reply. */
  async delete(id: string): Promise<boolean> {
    const { rows } = await this.db.query(`DELETE FROM workspace_saved_replies WHERE id = $1 RETURNING id`, [id]);
    return rows.length > 0;
  }
}

function toSavedReply(row: SavedReplyRow): SavedReply {
  return { id: row.id, title: row.title, text: row.text, createdAt: new Date(row.created_at).toISOString() };
}
