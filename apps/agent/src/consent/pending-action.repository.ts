import { Database, Queryable } from '@support/platform';
import { PendingAction } from './proposed-action';

interface PendingActionRow {
  tool: string;
  arguments: Record<string, unknown> | string;
  description: string;
}

/** A yes long after the question (an SMS thread a week later) is not an answer to it. */
export const PROPOSAL_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The one change the bot proposed in its reply to a customer message, until the next message accepts it or not. */
export class PendingActionRepository {
  constructor(private readonly db: Database) {}

  /** Stored with the reply that shows it to the customer, in the same transaction. */
  async propose(conversationId: string, messageId: string, action: PendingAction, tx: Queryable = this.db): Promise<void> {
    await tx.query(
      `INSERT INTO pending_actions (message_id, conversation_id, tool, arguments, description) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (message_id) DO NOTHING`,
      [messageId, conversationId, action.tool, JSON.stringify(action.arguments), action.description],
    );
  }

  /** The change proposed in reply to this customer message, if it was not carried out yet and is still fresh. */
  async openFor(messageId: string, lifetimeMs = PROPOSAL_LIFETIME_MS): Promise<PendingAction | null> {
    const { rows } = await this.db.query<PendingActionRow>(
      `SELECT tool, arguments, description FROM pending_actions
        WHERE message_id = $1 AND consumed_at IS NULL AND created_at > now() - ($2::bigint * interval '1 millisecond')`,
      [messageId, lifetimeMs],
    );
    const row = rows[0];
    if (!row) return null;
    const args = typeof row.arguments === 'string' ? JSON.parse(row.arguments) : row.arguments;
    return { tool: row.tool, arguments: args, description: row.description };
  }

  /** Takes the proposal for carrying out: true once, so one "yes" runs one change, even when two turns race. */
  async consume(messageId: string): Promise<boolean> {
    const { rows } = await this.db.query(`UPDATE pending_actions SET consumed_at = now() WHERE message_id = $1 AND consumed_at IS NULL RETURNING message_id`, [
      messageId,
    ]);
    return rows.length === 1;
  }
}
