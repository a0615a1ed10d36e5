import { Database, NotFoundError, Queryable, ValidationError } from '@support/platform';
import { Conversation } from '../model/conversation';
import { Message } from '../model/message';
import { ConversationRepository } from '../store/conversation.repository';
import { CustomerRepository } from '../store/customer.repository';
import { MessageRepository } from '../store/message.repository';
import { InboundMessage, MAX_MESSAGE_LENGTH } from './inbound-message';

export interface ReceivedMessage {
  conversation: Conversation;
  message: Message;
  /** The channel delivered this message before; it has been (or is being) answered already. */
  duplicate: boolean;
}

/** Stores what a customer sent, in the right conversation, exactly once. */
export class ConversationIntake {
  constructor(
    private readonly db: Database,
    private readonly customers: CustomerRepository,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
  ) {}

  async receive(inbound: InboundMessage): Promise<ReceivedMessage> {
    const text = inbound.text.trim();
    if (!text && !inbound.attachments?.length) throw new ValidationError('The message is empty.');
    if (text.length > MAX_MESSAGE_LENGTH) throw new ValidationError(`The message is longer than ${MAX_MESSAGE_LENGTH} characters.`);
    return this.db.transaction(async (tx) => {
      const conversation = inbound.conversationId
        ? await this.continueConversation(inbound, tx)
        : await this.openConversation(inbound, tx);
      const { message, duplicate } = await this.messages.insert(
        {
          conversationId: conversation.id,
          channel: inbound.channel,
          direction: 'inbound',
          author: 'customer',
          text,
          attachments: inbound.attachments,
          channelMessageId: inbound.channelMessageId,
        },
        tx,
      );
      if (!duplicate) await this.conversations.touch(conversation.id, tx);
      return { conversation, message, duplicate };
    });
  }

  private async continueConversation(inbound: InboundMessage, tx: Queryable) {
    const conversation = await this.conversations.get(inbound.conversationId!, tx);
    if (!conversation || conversation.channel !== inbound.channel) {
      throw new NotFoundError(`No ${inbound.channel} conversation ${inbound.conversationId}; start a new one without conversationId.`);
    }
    if (conversation.status === 'closed') throw new ValidationError('This conversation is closed; please start a new one.');
    if (inbound.profile) {
      const customer = await this.customers.get(conversation.customerId, tx);
      if (customer) await this.customers.updateProfile(customer, inbound.profile, tx);
    }
    return conversation;
  }

  private async openConversation(inbound: InboundMessage, tx: Queryable) {
    const customer = await this.customers.findOrCreateByIdentity(inbound.from, inbound.profile, tx);
    return (await this.conversations.findOpen(customer.id, inbound.channel, tx)) ?? this.conversations.create(customer.id, inbound.channel, tx);
  }
}
