import { Database, NotFoundError, Queryable } from '@support/platform';
import { Conversation } from '../model/conversation';
import { ConversationRepository } from '../store/conversation.repository';
import { HandoffRepository } from '../store/handoff.repository';
import { CONVERSATION_TRANSITIONS, ConversationTransition, IllegalTransitionError } from './conversation-transitions';

/**
 * The one place a conversation's status changes: bot → waiting_for_human → with_human → resolved (→ bot again on
 * the customer's next message), and closed. Each transition is a single conditional update, so of two people
 * claiming at once exactly one wins and the other gets an `IllegalTransitionError` naming who has it. Pass `tx` to
 * change the state inside a transaction of your own.
 */
export class ConversationStates {
  constructor(
    private readonly db: Database,
    private readonly conversations: ConversationRepository,
    private readonly handoffs: HandoffRepository,
  ) {}

  /** The bot handed off: it waits for a person (since the first handoff, if it already waited). */
  handOff(conversationId: string, tx?: Queryable): Promise<Conversation> {
    return this.apply(conversationId, 'handOff', {}, tx);
  }

  /** `assignee` (a support agent's id) takes a waiting conversation. */
  async claim(conversationId: string, assignee: string, tx?: Queryable): Promise<Conversation> {
    return this.inTransaction(tx, async (t) => {
      const claimed = await this.apply(conversationId, 'claim', { assignee: requiredAssignee(assignee) }, t);
      await this.handoffs.markAccepted(conversationId, t);
      return claimed;
    });
  }

  /** Hands a conversation someone has to `assignee`; with `from`, only if `from` still has it. */
  reassign(conversationId: string, assignee: string, options: { from?: string } = {}, tx?: Queryable): Promise<Conversation> {
    return this.apply(conversationId, 'reassign', { assignee: requiredAssignee(assignee), expectedAssignee: options.from }, tx);
  }

  /** Back to the queue; with `by`, only if `by` has it. */
  async unassign(conversationId: string, options: { by?: string } = {}, tx?: Queryable): Promise<Conversation> {
    return this.inTransaction(tx, async (t) => {
      const waiting = await this.apply(conversationId, 'unassign', { expectedAssignee: options.by }, t);
      await this.handoffs.markOpen(conversationId, t);
      return waiting;
    });
  }

  /** Done: its handoffs are closed, and the customer's next message goes to the bot with a fresh start. */
  async resolve(conversationId: string, tx?: Queryable): Promise<Conversation> {
    return this.inTransaction(tx, async (t) => {
      const resolved = await this.apply(conversationId, 'resolve', {}, t);
      await this.handoffs.markClosed(conversationId, t);
      return resolved;
    });
  }

  /** The customer wrote after a resolve: the bot has the conversation again. */
  reopen(conversationId: string, tx?: Queryable): Promise<Conversation> {
    return this.apply(conversationId, 'reopen', {}, tx);
  }

  async close(conversationId: string, tx?: Queryable): Promise<Conversation> {
    return this.inTransaction(tx, async (t) => {
      const closed = await this.apply(conversationId, 'close', {}, t);
      await this.handoffs.markClosed(conversationId, t);
      return closed;
    });
  }

  private async apply(
    conversationId: string,
    transition: ConversationTransition,
    who: { assignee?: string; expectedAssignee?: string },
    tx: Queryable = this.db,
  ): Promise<Conversation> {
    const { from, to } = CONVERSATION_TRANSITIONS[transition];
    const moved = await this.conversations.transition(conversationId, { from, to, assignee: who.assignee ?? null, expectedAssignee: who.expectedAssignee }, tx);
    if (moved) return moved;
    const current = await this.conversations.get(conversationId, tx);
    if (!current) throw new NotFoundError(`No conversation ${conversationId}.`);
    throw new IllegalTransitionError(conversationId, transition, current.status, current.assignee);
  }

  private inTransaction<T>(tx: Queryable | undefined, work: (tx: Queryable) => Promise<T>): Promise<T> {
    return tx ? work(tx) : this.db.transaction(work);
  }
}

function requiredAssignee(assignee: string): string {
  if (!assignee?.trim()) throw new TypeError('An assignee is required.');
  return assignee.trim();
}
