import { Injectable } from '@nestjs/common';
import { AgentTurnRepository, ConversationRepository, CustomerRepository, MessageRepository } from '@support/conversation';
import { NotFoundError } from '@support/platform';
import { CustomerOrders } from '../customer/customer-orders';
import { ReplyDraft, ReplyDrafter } from './reply-drafter';

const PERSON_ROUTE = 'human_request';

/**
 * "Draft a reply": a draft for the reply box, grounded in the help center, the conversation and the orders of the
 * customer the conversation verified (none for a customer who proved nothing).
 */
@Injectable()
export class Copilot {
  constructor(
    private readonly drafter: ReplyDrafter,
    private readonly conversations: ConversationRepository,
    private readonly customers: CustomerRepository,
    private readonly messages: MessageRepository,
    private readonly turns: AgentTurnRepository,
    private readonly orders: CustomerOrders,
  ) {}

  async draft(conversationId: string): Promise<ReplyDraft> {
    const conversation = /^conv_[a-f0-9]{32}$/.test(conversationId) ? await this.conversations.get(conversationId) : null;
    if (!conversation) throw new NotFoundError(`No conversation ${conversationId}.`);
    const [customer, identities, messages, turns] = await Promise.all([
      this.customers.get(conversation.customerId),
      this.customers.identities(conversation.customerId),
      this.messages.list(conversation.id),
      this.turns.list(conversation.id),
    ]);
    const orders = await this.orders.details(conversation, identities, messages);
    // "Can I talk to a person?" is not the question to answer: the router already said so.
    const askedForPerson = new Set(turns.filter((turn) => turn.route === PERSON_ROUTE).map((turn) => turn.messageId));
    return this.drafter.draft({ customerName: customer?.name ?? null, messages: messages.filter((m) => !askedForPerson.has(m.id)), orders });
  }
}
