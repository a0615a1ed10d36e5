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

  /** Marks the conversation active now (its latest conversation on a channel is the one continued). */
  async touch(id: string, tx: Queryable = this.db): Promise<void> {
    await tx.query(`UPDATE conversations SET updated_at = now() WHERE id = $1`, [id]);
  }

  async update(
    id: string,
    changes: Partial<Pick<Conversation, 'status' | 'intent' | 'sentimentTrend' | 'verifiedShopUserId'>>,
    tx: Queryable = this.db,
  ): Promise<void> {
    const columns: Record<string, unknown> = {
      status: changes.status,
      intent: changes.intent,
      sentiment_trend: changes.sentimentTrend,
      verified_shop_user_id: changes.verifiedShopUserId,
    };
    const set = Object.entries(columns).filter(([, value]) => value !== undefined);
    const assignments = set.map(([column], i) => `${column} = $${i + 2}`);
    await tx.query(
      `UPDATE conversations SET ${[...assignments, 'updated_at = now()'].join(', ')} WHERE id = $1`,
      [id, ...set.map(([, value]) => value)],
    );
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
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
