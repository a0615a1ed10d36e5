import { Database, Queryable, newId } from '@support/platform';
import { Channel } from '../model/channel';
import { Conversation, ConversationStatus } from '../model/conversation';

interface ConversationRow {
  id: string;
  customer_id: string;
  channel: Channel;
  status: ConversationStatus;
  intent: string | null;
  sentiment_trend: number;
  verified_shop_user_id: string | null;
  client_address: string | null;
  assignee: string | null;
  waiting_since: Date | null;
  resolved_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface ConversationOpener {
  sessionTokenHash?: string | null;
  clientAddress?: string | null;
}

export class ConversationRepository {
  constructor(private readonly db: Database) {}

  /** A new conversation; `sessionTokenHash` binds it to the browser session that opened it, from `clientAddress`. */
  async create(customerId: string, channel: Channel, tx: Queryable = this.db, opener: ConversationOpener = {}): Promise<Conversation> {
    const { rows } = await tx.query<ConversationRow>(
      `INSERT INTO conversations (id, customer_id, channel, session_token_hash, client_address) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [newId('conv'), customerId, channel, opener.sessionTokenHash ?? null, opener.clientAddress ?? null],
    );
    return toConversation(rows[0]);
  }

  /** The conversation with the hash of the session token it was opened with (null when it has none). */
  async getWithSession(id: string, tx: Queryable = this.db): Promise<{ conversation: Conversation; sessionTokenHash: string | null } | null> {
    const { rows } = await tx.query<ConversationRow & { session_token_hash: string | null }>(`SELECT * FROM conversations WHERE id = $1`, [id]);
    return rows[0] ? { conversation: toConversation(rows[0]), sessionTokenHash: rows[0].session_token_hash } : null;
  }

  async get(id: string, tx: Queryable = this.db): Promise<Conversation | null> {
    const { rows } = await tx.query<ConversationRow>(`SELECT * FROM conversations WHERE id = $1`, [id]);
    return rows[0] ? toConversation(rows[0]) : null;
  }

  /** The customer's latest conversation on a channel that is not closed. */
  async findOpen(customerId: string, channel: Channel, tx: Queryable = this.db): Promise<Conversation | null> {
    const { rows } = await tx.query<ConversationRow>(
      `SELECT * FROM conversations WHERE customer_id = $1 AND channel = $2 AND status <> 'closed' ORDER BY updated_at DESC LIMIT 1`,
      [customerId, channel],
    );
    return rows[0] ? toConversation(rows[0]) : null;
  }

  /**
   * The conversation's status, locked until the transaction ends: a state change made at the same moment either
   * happened before (and is read here) or waits until after. What a message arriving now is for depends on it.
   */
  async lockedStatus(id: string, tx: Queryable): Promise<ConversationStatus | null> {
    const { rows } = await tx.query<{ status: ConversationStatus }>(`SELECT status FROM conversations WHERE id = $1 FOR NO KEY UPDATE`, [id]);
    return rows[0]?.status ?? null;
  }

  /** Marks the conversation active now (its latest conversation on a channel is the one continued). */
  async touch(id: string, tx: Queryable = this.db): Promise<void> {
    await tx.query(`UPDATE conversations SET updated_at = now() WHERE id = $1`, [id]);
  }

  /** Conversations in these states, longest waiting first (then oldest): what the workspace inbox lists. */
  async listByStatus(statuses: ConversationStatus[], tx: Queryable = this.db): Promise<Conversation[]> {
    const { rows } = await tx.query<ConversationRow>(
      `SELECT * FROM conversations WHERE status = ANY($1) ORDER BY waiting_since ASC NULLS LAST, created_at ASC`,
      [statuses],
    );
    return rows.map(toConversation);
  }

  /**
   * Moves the conversation to `to` only if it is in one of `from` (and, when given, held by `assignee`): one
   * conditional UPDATE, so of two people claiming at once exactly one wins. Null when the conversation was not
   * in such a state. Status changes go through `ConversationStates`, which knows the legal ones.
   */
  async transition(
    id: string,
    move: { from: readonly ConversationStatus[]; to: ConversationStatus; assignee?: string | null; expectedAssignee?: string },
    tx: Queryable = this.db,
  ): Promise<Conversation | null> {
    const waitingSince =
      move.to === 'waiting_for_human'
        ? `CASE WHEN status IN ('waiting_for_human', 'with_human') THEN waiting_since ELSE now() END`
        : move.to === 'with_human'
          ? 'waiting_since'
          : 'NULL';
    const { rows } = await tx.query<ConversationRow>(
      `UPDATE conversations
          SET status = $2, assignee = $3, waiting_since = ${waitingSince},
              resolved_at = ${move.to === 'resolved' ? 'now()' : 'resolved_at'}, updated_at = now()
        WHERE id = $1 AND status = ANY($4) AND ($5::text IS NULL OR assignee = $5)
        RETURNING *`,
      [id, move.to, move.assignee ?? null, [...move.from], move.expectedAssignee ?? null],
    );
    return rows[0] ? toConversation(rows[0]) : null;
  }

  async update(id: string, changes: Partial<Pick<Conversation, 'intent' | 'sentimentTrend' | 'verifiedShopUserId'>>, tx: Queryable = this.db): Promise<void> {
    const columns: Record<string, unknown> = {
      intent: changes.intent,
      sentiment_trend: changes.sentimentTrend,
      verified_shop_user_id: changes.verifiedShopUserId,
    };
    const set = Object.entries(columns).filter(([, value]) => value !== undefined);
    const assignments = set.map(([column], i) => `${column} = $${i + 2}`);
    await tx.query(`UPDATE conversations SET ${[...assignments, 'updated_at = now()'].join(', ')} WHERE id = $1`, [id, ...set.map(([, value]) => value)]);
  }
}

function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    customerId: row.customer_id,
    channel: row.channel,
    status: row.status,
    intent: row.intent,
    sentimentTrend: Number(row.sentiment_trend),
    verifiedShopUserId: row.verified_shop_user_id,
    clientAddress: row.client_address ?? null,
    assignee: row.assignee ?? null,
    waitingSince: row.waiting_since ? new Date(row.waiting_since) : null,
    resolvedAt: row.resolved_at ? new Date(row.resolved_at) : null,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
