import { Database, Queryable, newId } from '@support/platform';
import { Channel } from '../model/channel';
import { Attachment, Message, MessageAuthor, MessageDirection } from '../model/message';

interface MessageRow {
  id: string;
  conversation_id: string;
  channel: Channel;
  direction: MessageDirection;
  author: MessageAuthor;
  text: string;
  attachments: Attachment[] | string;
  channel_message_id: string | null;
  sender_verified: boolean | null;
  for_person: boolean | null;
  created_at: Date;
}

export interface NewMessage {
  conversationId: string;
  channel: Channel;
  direction: MessageDirection;
  author: MessageAuthor;
  text: string;
  attachments?: Attachment[];
  channelMessageId?: string | null;
  senderVerified?: boolean | null;
  /** Sent while a person had the conversation: see `Message.forPerson`. */
  forPerson?: boolean;
}

export class MessageRepository {
  constructor(private readonly db: Database) {}

  /** Inserts a message; when its channel message id was seen before, returns the stored one instead. */
  async insert(message: NewMessage, tx: Queryable = this.db): Promise<{ message: Message; duplicate: boolean }> {
    const { rows } = await tx.query<MessageRow>(
      `INSERT INTO messages (id, conversation_id, channel, direction, author, text, attachments, channel_message_id, sender_verified, for_person)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (channel, channel_message_id) WHERE channel_message_id IS NOT NULL DO NOTHING
       RETURNING *`,
      [
        newId('msg'),
        message.conversationId,
        message.channel,
        message.direction,
        message.author,
        message.text,
        JSON.stringify(message.attachments ?? []),
        message.channelMessageId ?? null,
        message.senderVerified ?? null,
        message.forPerson ?? false,
      ],
    );
    if (rows[0]) return { message: toMessage(rows[0]), duplicate: false };
    const existing = await this.findByChannelMessageId(message.channel, message.channelMessageId!, tx);
    return { message: existing!, duplicate: true };
  }

  /**
   * Customer messages on `channel` that no turn answered, oldest first: stored between `since` and `before`, not
   * addressed to a person, in a conversation no person has, with nothing sent in it after them (a later reply
   * covered them) and no person's reply since.
   */
  async unanswered(channel: Channel, { since, before, limit }: { since: Date; before: Date; limit: number }, tx: Queryable = this.db): Promise<Message[]> {
    const { rows } = await tx.query<MessageRow>(
      `SELECT m.* FROM messages m JOIN conversations c ON c.id = m.conversation_id
        WHERE m.channel = $1 AND m.author = 'customer' AND NOT m.for_person
          AND m.created_at >= $2 AND m.created_at < $3
          AND c.status NOT IN ('with_human', 'closed')
          AND NOT EXISTS (SELECT 1 FROM agent_turns t WHERE t.message_id = m.id)
          AND NOT EXISTS (SELECT 1 FROM messages later WHERE later.conversation_id = m.conversation_id AND later.seq > m.seq AND later.direction = 'outbound')
        ORDER BY m.seq LIMIT $4`,
      [channel, since, before, limit],
    );
    return rows.map(toMessage);
  }

  async get(id: string, tx: Queryable = this.db): Promise<Message | null> {
    const { rows } = await tx.query<MessageRow>(`SELECT * FROM messages WHERE id = $1`, [id]);
    return rows[0] ? toMessage(rows[0]) : null;
  }

  async findByChannelMessageId(channel: Channel, channelMessageId: string, tx: Queryable = this.db): Promise<Message | null> {
    const { rows } = await tx.query<MessageRow>(`SELECT * FROM messages WHERE channel = $1 AND channel_message_id = $2`, [channel, channelMessageId]);
    return rows[0] ? toMessage(rows[0]) : null;
  }

  /** When the customer last wrote in the conversation; null if they never did. */
  async lastInboundAt(conversationId: string, tx: Queryable = this.db): Promise<Date | null> {
    const { rows } = await tx.query<{ created_at: Date | string }>(
      `SELECT created_at FROM messages WHERE conversation_id = $1 AND direction = 'inbound' ORDER BY seq DESC LIMIT 1`,
      [conversationId],
    );
    return rows[0] ? new Date(rows[0].created_at) : null;
  }

  /** The conversation in the order it happened. */
  async list(conversationId: string, tx: Queryable = this.db): Promise<Message[]> {
    const { rows } = await tx.query<MessageRow>(`SELECT * FROM messages WHERE conversation_id = $1 ORDER BY seq`, [conversationId]);
    return rows.map(toMessage);
  }
}

function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    channel: row.channel,
    direction: row.direction,
    author: row.author,
    text: row.text,
    attachments: typeof row.attachments === 'string' ? JSON.parse(row.attachments) : row.attachments,
    channelMessageId: row.channel_message_id,
    senderVerified: row.sender_verified ?? null,
    forPerson: row.for_person ?? false,
    createdAt: new Date(row.created_at),
  };
}
