import { Injectable } from '@nestjs/common';
import { AgentTurnRepository, ConversationRepository, CustomerRepository, MessageRepository } from '@support/conversation';
import { NotFoundError } from '@support/platform';
import { AccountRepository } from '../accounts/account.repository';
import { CustomerOrders } from '../customer/customer-orders';
import { ConversationStateAdapter } from './conversation-state.adapter';
import { ConversationView, toHandoffView, toIdentityView, toTimeline } from './conversation-view';
import { InternalNoteRepository } from './internal-note.repository';

@Injectable()
export class ConversationViewService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly customers: CustomerRepository,
    private readonly messages: MessageRepository,
    private readonly turns: AgentTurnRepository,
    private readonly notes: InternalNoteRepository,
    private readonly state: ConversationStateAdapter,
    private readonly accounts: AccountRepository,
    private readonly orders: CustomerOrders,
  ) {}

  async view(conversationId: string): Promise<ConversationView> {
    const conversation = /^conv_[a-f0-9]{32}$/.test(conversationId) ? await this.conversations.get(conversationId) : null;
    if (!conversation) throw new NotFoundError(`No conversation ${conversationId}.`);
    const [customer, identities, messages, turns, notes, state, handoff, call] = await Promise.all([
      this.customers.get(conversation.customerId),
      this.customers.identities(conversation.customerId),
      this.messages.list(conversation.id),
      this.turns.list(conversation.id),
      this.notes.list(conversation.id),
      this.state.state(conversation.id),
      this.state.latestHandoff(conversation.id),
      this.state.waitingCall(conversation.id),
    ]);
    const [assignee, orders] = await Promise.all([
      state?.assigneeId ? this.accounts.get(state.assigneeId) : null,
      this.orders.of(conversation, identities, messages),
    ]);
    return {
      conversation: {
        id: conversation.id,
        channel: conversation.channel,
        status: state?.status ?? conversation.status,
        createdAt: conversation.createdAt.toISOString(),
      },
      assignee: state?.assigneeId ? { id: state.assigneeId, email: assignee?.email ?? state.assigneeId } : null,
      handoff: toHandoffView(handoff),
      call,
      customer: {
        name: customer?.name ?? null,
        email: customer?.email ?? null,
        verifiedShopUserId: conversation.verifiedShopUserId,
        identities: identities.map(toIdentityView),
        orders,
      },
      timeline: toTimeline(messages, turns, notes),
    };
  }
}
