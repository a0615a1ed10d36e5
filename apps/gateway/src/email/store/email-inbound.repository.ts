import { EmailThreadHeaders } from '@support/channels';
import { Database, Queryable } from '@support/platform';

export type InboundOutcome = 'dispatched' | 'automated' | 'unreadable';

export interface InboundMailRecord {
  messageId: string;
  conversationId: string | null;
  mailbox: string;
  uidValidity: string;
  uid: number;
  fromAddress: string | null;
  replyTo: string | null;
  thread: EmailThreadHeaders;
  outcome: InboundOutcome;
  reason: string | null;
}

/** Every mail the watcher read, with what became of it: the audit trail and the inbound half of the thread map. */
export class EmailInboundRepository {
  constructor(private readonly db: Database) {}

  async record(mail: InboundMailRecord, tx: Queryable = this.db): Promise<void> {
    await tx.query(
      `INSERT INTO email_inbound (message_id, conversation_id, mailbox, uid_validity, uid, from_address, reply_to, subject, in_reply_to, reference_ids, outcome, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (message_id) DO NOTHING`,
      [
        mail.messageId,
        mail.conversationId,
        mail.mailbox,
        mail.uidValidity,
        mail.uid,
        mail.fromAddress,
        mail.replyTo,
        mail.thread.subject,
        JSON.stringify(mail.thread.inReplyTo),
        JSON.stringify(mail.thread.references),
        mail.outcome,
        mail.reason,
      ],
    );
  }

  /** The conversation of the closest earlier mail (ours or the customer's) among `messageIds`. */
  async findConversation(messageIds: string[]): Promise<string | null> {
    if (!messageIds.length) return null;
    const { rows } = await this.db.query<{ message_id: string; conversation_id: string }>(
      `SELECT message_id, conversation_id FROM email_inbound WHERE message_id = ANY($1) AND conversation_id IS NOT NULL
       UNION ALL
       SELECT message_id, conversation_id FROM email_outbox WHERE message_id = ANY($1)`,
      [messageIds],
    );
    const byId = new Map(rows.map((r) => [r.message_id, r.conversation_id]));
    return messageIds.map((id) => byId.get(id)).find((id) => id !== undefined) ?? null;
  }

  /** The customer's latest mail in a conversation: what a person's reply threads under. */
  async latestForConversation(conversationId: string): Promise<{ messageId: string; replyTo: string | null; thread: EmailThreadHeaders } | null> {
    const { rows } = await this.db.query<{
      message_id: string;
      reply_to: string | null;
      subject: string;
      in_reply_to: string[] | string;
      reference_ids: string[] | string;
    }>(
      `SELECT message_id, reply_to, subject, in_reply_to, reference_ids FROM email_inbound
       WHERE conversation_id = $1 AND outcome = 'dispatched' ORDER BY received_at DESC, uid DESC LIMIT 1`,
      [conversationId],
    );
    const row = rows[0];
    if (!row) return null;
    const list = (value: string[] | string) => (typeof value === 'string' ? (JSON.parse(value) as string[]) : value);
    return {
      messageId: row.message_id,
      replyTo: row.reply_to,
      thread: { messageId: row.message_id, subject: row.subject, inReplyTo: list(row.in_reply_to), references: list(row.reference_ids) },
    };
  }
}
