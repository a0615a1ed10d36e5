import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import {
  Conversation,
  ConversationRepository,
  ConversationStates,
  CustomerRepository,
  HandoffRepository,
  IllegalTransitionError,
  Message,
  MessageRepository,
} from '@support/conversation';
import { ChannelError, LOGGER, Metrics, NotFoundError, ValidationError } from '@support/platform';
import type { Logger } from '@support/platform';
import { MessageSenderRegistry } from './message-sender.registry';

const MAX_REPLY_LENGTH = 4000;
/** Who has a conversation a person answered through the bearer-token API, which does not say which person. */
export const AGENT_API_ASSIGNEE = 'agent-api';

/**
 * A person's reply to a customer: sent on the conversation's own channel, stored as `human_agent`. A conversation
 * nobody had yet is claimed for the API (`AGENT_API_ASSIGNEE`); one a person already has stays theirs.
 */
@Injectable()
export class HumanReplyService {
  constructor(
    private readonly senders: MessageSenderRegistry,
    private readonly conversations: ConversationRepository,
    private readonly customers: CustomerRepository,
    private readonly messages: MessageRepository,
    private readonly handoffs: HandoffRepository,
    private readonly states: ConversationStates,
    private readonly metrics: Metrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async reply(conversationId: string, text: unknown): Promise<Message> {
    if (typeof text !== 'string' || !text.trim()) throw new ValidationError('"text" must be a non-empty string.');
    if (text.length > MAX_REPLY_LENGTH) throw new ValidationError(`"text" is longer than ${MAX_REPLY_LENGTH} characters.`);
    const conversation = await this.find(conversationId);
    if (conversation.status === 'closed') throw new UnprocessableEntityException('This conversation is closed.');
    const sender = this.senders.forChannel(conversation.channel);
    if (!sender) throw new UnprocessableEntityException(`Replies cannot be sent on the ${conversation.channel} channel from here.`);
    const identity = (await this.customers.identities(conversation.customerId)).find((i) => i.kind === sender.addressKind);
    if (!identity) throw new UnprocessableEntityException(`The customer has no ${sender.addressKind} address to reply to.`);
    let sent;
    try {
      sent = await sender.send(conversation, identity.address, text.trim());
    } catch (error) {
      if (error instanceof ChannelError) throw new UnprocessableEntityException(`Not sent: ${error.message}`);
      throw error;
    }
    const { message } = await this.messages.insert({
      conversationId: conversation.id,
      channel: conversation.channel,
      direction: 'outbound',
      author: 'human_agent',
      text: text.trim(),
      channelMessageId: sent.channelMessageId,
    });
    await this.takeOver(conversation);
    this.metrics.messages.inc({ channel: conversation.channel, direction: 'out' });
    this.logger.info({ conversationId: conversation.id, messageId: message.id, channel: conversation.channel }, 'human agent replied');
    return message;
  }

  /** The conversation as a person reads it before answering: messages (media links included) and the handoff summary. */
  async view(conversationId: string) {
    const conversation = await this.find(conversationId);
    return {
      conversation,
      handoff: await this.handoffs.latestForConversation(conversation.id),
      messages: await this.messages.list(conversation.id),
    };
  }

  /** From here on a person answers: the bot stays silent until the conversation is resolved. */
  private async takeOver(conversation: Conversation): Promise<void> {
    if (conversation.status === 'with_human') return;
    try {
      if (conversation.status !== 'waiting_for_human') await this.states.handOff(conversation.id);
      await this.states.claim(conversation.id, AGENT_API_ASSIGNEE);
    } catch (error) {
      // Someone claimed it at the same moment: it is theirs, and this reply has gone out all the same.
      if (!(error instanceof IllegalTransitionError)) throw error;
    }
  }

  private async find(conversationId: string): Promise<Conversation> {
    const conversation = /^conv_[a-f0-9]{32}$/.test(conversationId) ? await this.conversations.get(conversationId) : null;
    if (!conversation) throw new NotFoundError(`No conversation ${conversationId}.`);
    return conversation;
  }
}
