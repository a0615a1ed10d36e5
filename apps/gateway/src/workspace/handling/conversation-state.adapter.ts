import { Injectable } from '@nestjs/common';
import { Channel, ConversationStates, Handoff, HandoffRepository, IllegalTransitionError } from '@support/conversation';
import { Database, NotFoundError, Queryable } from '@support/platform';
import { Account } from '../accounts/account';
import { WAITING_CALL_JOIN, WaitingCall, WaitingCallRow, toWaitingCall } from '../calls/waiting-call';

const OPEN = `('waiting_for_human', 'with_human')`;

/**
 * The one place the workspace reads and writes conversation states and handoffs: reads here in SQL (joined for the
 * inbox), every change through the conversation store's `ConversationStates`, whose conditional updates decide
 * which of two people claiming at once wins.
 */
@Injectable()
export class ConversationStateAdapter {
  constructor(
    private readonly db: Database,
    private readonly states: ConversationStates,
    private readonly handoffs: HandoffRepository,
  ) {}

  /** Conversations a person is needed for or has, longest waiting first. */
  async inbox(filter: InboxFilter): Promise<InboxRow[]> {
    const where = [`c.status IN ${OPEN}`];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.channel) where.push(`c.channel = ${param(filter.channel)}`);
    if (filter.reason) where.push(`h.reason = ${param(filter.reason)}`);
    if (filter.assignedTo) where.push(`c.assignee = ${param(filter.assignedTo)}`);
    if (filter.unassigned) where.push(`c.assignee IS NULL`);
    const { rows } = await this.db.query<InboxRow>(
      `SELECT c.id AS conversation_id, c.channel, c.status, c.sentiment_trend, cu.name AS customer_name, cu.email AS customer_email,
              (SELECT ci.address FROM customer_identities ci WHERE ci.customer_id = c.customer_id AND ci.kind <> 'web_session'
                ORDER BY ci.verified DESC, ci.created_at LIMIT 1) AS customer_address,
              h.reason, h.summary, coalesce(c.waiting_since, h.created_at, c.updated_at) AS waiting_since,
              c.assignee AS assignee_id, acct.email AS assignee_email, vt.*
         FROM conversations c
         JOIN customers cu ON cu.id = c.customer_id
         LEFT JOIN LATERAL (SELECT reason, summary, created_at FROM handoffs WHERE conversation_id = c.id ORDER BY created_at DESC LIMIT 1) h ON true
         ${WAITING_CALL_JOIN}
         LEFT JOIN workspace_accounts acct ON acct.id = c.assignee
        WHERE ${where.join(' AND ')}
        ORDER BY waiting_since, c.id
        LIMIT 500`,
      params,
    );
    return rows;
  }

  /** The handoff reasons of the conversations open now, for the inbox's reason filter. */
  async openReasons(): Promise<string[]> {
    const { rows } = await this.db.query<{ reason: string }>(
      `SELECT DISTINCT h.reason FROM conversations c JOIN handoffs h ON h.conversation_id = c.id WHERE c.status IN ${OPEN} ORDER BY h.reason`,
    );
    return rows.map((row) => row.reason);
  }

  /**
   * Each open conversation's version: it changes when its status, assignee, messages or notes do, and for a call
   * in the queue with each of Twilio's wait reports (position, time waited) and when it is taken or left.
   */
  async versions(): Promise<Map<string, OpenConversationVersion>> {
    const { rows } = await this.db.query<{ id: string; status: string; version: string }>(
      `SELECT c.id, c.status, concat_ws('|', c.status, c.assignee,
              (SELECT max(m.seq) FROM messages m WHERE m.conversation_id = c.id),
              (SELECT count(*) FROM workspace_notes n WHERE n.conversation_id = c.id),
              vt.call_status, vt.call_position, vt.call_wait_ms, vt.call_taken_by) AS version
         FROM conversations c ${WAITING_CALL_JOIN} WHERE c.status IN ${OPEN}`,
    );
    return new Map(rows.map((row) => [row.id, { version: row.version, waiting: row.status === 'waiting_for_human' }]));
  }

  async state(conversationId: string, tx: Queryable = this.db): Promise<ConversationState | null> {
    const { rows } = await tx.query<ConversationState>(`SELECT status, assignee AS "assigneeId" FROM conversations WHERE id = $1`, [conversationId]);
    return rows[0] ?? null;
  }

  /** The conversation's transferred call, for a voice conversation that has one. */
  async waitingCall(conversationId: string): Promise<WaitingCall | null> {
    const { rows } = await this.db.query<WaitingCallRow>(`SELECT vt.* FROM conversations c ${WAITING_CALL_JOIN} WHERE c.id = $1`, [conversationId]);
    return rows[0] ? toWaitingCall(rows[0]) : null;
  }

  latestHandoff(conversationId: string): Promise<Handoff | null> {
    return this.handoffs.latestForConversation(conversationId);
  }

  /**
   * Runs `decide` on the conversation's state with its row locked, then makes the change it returns through
   * `ConversationStates`: a claim made meanwhile by someone else is seen, or refused by its conditional update.
   */
  async change(conversationId: string, decide: (state: ConversationState) => StateChange): Promise<StateChange> {
    try {
      return await this.db.transaction(async (tx) => {
        const { rows } = await tx.query(`SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE`, [conversationId]);
        if (!rows[0]) return { kind: 'refused', reason: 'not_found' } as const;
        const current = (await this.state(conversationId, tx))!;
        const change = decide(current);
        if (change.kind === 'assign') {
          if (current.status === 'waiting_for_human') await this.states.claim(conversationId, change.accountId, tx);
          else await this.states.reassign(conversationId, change.accountId, { from: current.assigneeId ?? undefined }, tx);
        }
        if (change.kind === 'unassign') await this.states.unassign(conversationId, { by: current.assigneeId ?? undefined }, tx);
        if (change.kind === 'resolve') await this.states.resolve(conversationId, tx);
        return change;
      });
    } catch (error) {
      if (error instanceof IllegalTransitionError) return { kind: 'refused', reason: error.assignee ? 'taken' : 'not_waiting', assigneeId: error.assignee };
      if (error instanceof NotFoundError) return { kind: 'refused', reason: 'not_found' };
      throw error;
    }
  }
}

export interface InboxFilter {
  channel?: Channel;
  reason?: string;
  assignedTo?: Account['id'];
  unassigned?: boolean;
}

export interface InboxRow extends WaitingCallRow {
  conversation_id: string;
  channel: Channel;
  status: 'waiting_for_human' | 'with_human';
  sentiment_trend: number;
  customer_name: string | null;
  customer_email: string | null;
  customer_address: string | null;
  reason: string | null;
  summary: string | null;
  waiting_since: Date;
  assignee_id: string | null;
  assignee_email: string | null;
}

export interface OpenConversationVersion {
  version: string;
  /** Nobody has taken it yet. */
  waiting: boolean;
}

export interface ConversationState {
  status: string;
  assigneeId: string | null;
}

export type StateChange =
  | { kind: 'assign'; accountId: string }
  | { kind: 'unassign' }
  | { kind: 'resolve' }
  | { kind: 'none' }
  | { kind: 'refused'; reason: 'not_found' | 'not_waiting' | 'taken'; assigneeId?: string | null };
