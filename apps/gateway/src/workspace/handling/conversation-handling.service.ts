import { ConflictException, Injectable } from '@nestjs/common';
import { Message } from '@support/conversation';
import { NotFoundError, ValidationError } from '@support/platform';
import { HumanReplyService } from '../../human-agents/human-reply.service';
import { Account } from '../accounts/account';
import { AccountRepository } from '../accounts/account.repository';
import { InboxFeed } from '../inbox/inbox-feed.service';
import { ConversationState, ConversationStateAdapter, StateChange } from './conversation-state.adapter';
import { InternalNoteRepository } from './internal-note.repository';

const MAX_NOTE_LENGTH = 4000;
const OPEN = new Set(['waiting_for_human', 'with_human']);

/**
 * What a person does with a handed-off conversation: claim it, hand it to a colleague or back to the queue,
 * answer the customer, note something for the team, resolve it. A conversation someone else holds is theirs:
 * only they or an admin may move it.
 */
@Injectable()
export class ConversationHandling {
  constructor(
    private readonly state: ConversationStateAdapter,
    private readonly accounts: AccountRepository,
    private readonly replies: HumanReplyService,
    private readonly notes: InternalNoteRepository,
    private readonly feed: InboxFeed,
  ) {}

  /** True when this claim took it; false when it was already theirs. */
  async claim(conversationId: string, me: Account): Promise<boolean> {
    const change = await this.apply(conversationId, (current) => claimFor(current, me));
    return change.kind === 'assign';
  }

  async reassign(conversationId: string, me: Account, to: unknown): Promise<void> {
    const target = typeof to === 'string' ? await this.accounts.get(to) : null;
    if (!target) throw new ValidationError('Choose a person on the team to hand the conversation to.');
    await this.apply(conversationId, (current) => {
      if (!OPEN.has(current.status)) return { kind: 'refused', reason: 'not_waiting' };
      if (current.assigneeId && current.assigneeId !== me.id && me.role !== 'admin')
        return { kind: 'refused', reason: 'taken', assigneeId: current.assigneeId };
      return { kind: 'assign', accountId: target.id };
    });
  }

  async unassign(conversationId: string, me: Account): Promise<void> {
    await this.apply(conversationId, (current) => {
      if (!current.assigneeId) return { kind: 'none' };
      if (current.assigneeId !== me.id && me.role !== 'admin') return { kind: 'refused', reason: 'taken', assigneeId: current.assigneeId };
      return { kind: 'unassign' };
    });
  }

  async resolve(conversationId: string, me: Account): Promise<void> {
    await this.apply(conversationId, (current) => {
      if (current.status === 'bot' || current.status === 'resolved') return { kind: 'none' };
      if (!OPEN.has(current.status)) return { kind: 'refused', reason: 'not_waiting' };
      if (current.assigneeId && current.assigneeId !== me.id && me.role !== 'admin')
        return { kind: 'refused', reason: 'taken', assigneeId: current.assigneeId };
      return { kind: 'resolve' };
    });
  }

  /** Answers on the customer's channel; answering an unclaimed conversation claims it. */
  async reply(conversationId: string, me: Account, text: unknown): Promise<Message> {
    await this.claim(conversationId, me);
    const message = await this.replies.reply(conversationId, text);
    this.feed.nudge();
    return message;
  }

  async note(conversationId: string, me: Account, text: unknown): Promise<void> {
    if (typeof text !== 'string' || !text.trim()) throw new ValidationError('Write the note first.');
    if (text.length > MAX_NOTE_LENGTH) throw new ValidationError(`A note can be at most ${MAX_NOTE_LENGTH} characters.`);
    if (!(await this.state.state(conversationId))) throw new NotFoundError(`No conversation ${conversationId}.`);
    await this.notes.add(conversationId, me.id, text.trim());
    this.feed.nudge();
  }

  private async apply(conversationId: string, decide: (state: ConversationState) => StateChange): Promise<StateChange> {
    if (!/^conv_[a-f0-9]{32}$/.test(conversationId)) throw new NotFoundError(`No conversation ${conversationId}.`);
    const change = await this.state.change(conversationId, decide);
    if (change.kind !== 'refused') {
      if (change.kind !== 'none') this.feed.nudge();
      return change;
    }
    if (change.reason === 'not_found') throw new NotFoundError(`No conversation ${conversationId}.`);
    if (change.reason === 'not_waiting') throw new ConflictException('This conversation is no longer waiting for a person: it was resolved or closed.');
    const holder = change.assigneeId ? await this.accounts.get(change.assigneeId) : null;
    throw new ConflictException(`${holder?.email ?? 'Someone else'} has already taken this conversation.`);
  }
}

function claimFor(current: ConversationState, me: Account): StateChange {
  if (!OPEN.has(current.status)) return { kind: 'refused', reason: 'not_waiting' };
  if (current.assigneeId === me.id) return { kind: 'none' };
  if (current.assigneeId) return { kind: 'refused', reason: 'taken', assigneeId: current.assigneeId };
  return { kind: 'assign', accountId: me.id };
}
