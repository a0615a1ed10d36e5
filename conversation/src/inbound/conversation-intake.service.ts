import { Database, NotFoundError, Queryable, ValidationError } from '@support/platform';
import { Channel } from '../model/channel';
import { Conversation } from '../model/conversation';
import { Customer } from '../model/customer';
import { Message } from '../model/message';
import { ConversationRepository } from '../store/conversation.repository';
import { CustomerRepository } from '../store/customer.repository';
import { MessageRepository } from '../store/message.repository';
import { isForPerson } from '../states/message-addressee';
import { withoutControlCharacters } from './control-characters';
import { InboundMessage, MAX_MESSAGE_LENGTH } from './inbound-message';
import { SESSION_CHANNELS, hashSessionToken, sessionTokenMatches } from './session-token';

/**
 * A chat session or a phone call is a conversation of its own: what one call proved (an order's ZIP code) never
 * carries over to the next call from that number, which may be spoofed. SMS, WhatsApp and email continue the open one.
 */
const ONE_CONVERSATION_PER_CONTACT: readonly Channel[] = ['web', 'voice'];

export interface ReceivedMessage {
  conversation: Conversation;
  message: Message;
  /** The channel delivered this message before; it has been (or is being) answered already. */
  duplicate: boolean;
}

type Profile = NonNullable<InboundMessage['profile']>;

/** Stands in for the hash of a conversation that has no session: no token matches it. */
const NO_SESSION = '0'.repeat(64);

/** Stores what a customer sent, in the right conversation, exactly once. */
export class ConversationIntake {
  constructor(
    private readonly db: Database,
    private readonly customers: CustomerRepository,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
  ) {}

  async receive(inbound: InboundMessage): Promise<ReceivedMessage> {
    const text = withoutControlCharacters(inbound.text).trim();
    if (!text && !inbound.attachments?.length) throw new ValidationError('The message is empty.');
    if (text.length > MAX_MESSAGE_LENGTH) throw new ValidationError(`The message is longer than ${MAX_MESSAGE_LENGTH} characters.`);
    const profile = cleanProfile(inbound.profile);
    return this.db.transaction(async (tx) => {
      const conversation = inbound.conversationId ? await this.continueConversation(inbound, profile, tx) : await this.openConversation(inbound, profile, tx);
      const status = await this.conversations.lockedStatus(conversation.id, tx);
      const { message, duplicate } = await this.messages.insert(
        {
          conversationId: conversation.id,
          channel: inbound.channel,
          direction: 'inbound',
          author: 'customer',
          text,
          attachments: inbound.attachments,
          channelMessageId: inbound.channelMessageId,
          senderVerified: inbound.from.verified,
          forPerson: isForPerson(status ?? conversation.status),
        },
        tx,
      );
      if (!duplicate) await this.conversations.touch(conversation.id, tx);
      return { conversation, message, duplicate };
    });
  }

  /**
   * The conversation a customer continues or reads by id. On a session channel (web chat) only the
   * session that opened it gets it; a missing or wrong token reads exactly like an unknown id.
   */
  async conversationFor(conversationId: string, channel: Channel, sessionToken: string | undefined, tx: Queryable = this.db): Promise<Conversation> {
    const found = await this.conversations.getWithSession(conversationId, tx);
    // The token is checked even for an unknown id, so that the two take the same time.
    const sessionHolds = sessionTokenMatches(found?.sessionTokenHash ?? NO_SESSION, sessionToken) || !SESSION_CHANNELS.includes(channel);
    if (!found || found.conversation.channel !== channel || !sessionHolds) {
      throw new NotFoundError(`No ${channel} conversation with that id; start a new one without conversationId.`);
    }
    return found.conversation;
  }

  private async continueConversation(inbound: InboundMessage, profile: Profile | undefined, tx: Queryable) {
    const conversation = await this.conversationFor(inbound.conversationId!, inbound.channel, inbound.sessionToken, tx);
    if (conversation.status === 'closed') throw new ValidationError('This conversation is closed; please start a new one.');
    const customer = profile ? await this.customers.get(conversation.customerId, tx) : null;
    if (customer) await this.applyProfile(customer, conversation, profile!, tx);
    return conversation;
  }

  private async openConversation(inbound: InboundMessage, profile: Profile | undefined, tx: Queryable) {
    const customer = await this.customers.findOrCreateByIdentity(inbound.from, profile, tx);
    const conversation = ONE_CONVERSATION_PER_CONTACT.includes(inbound.channel)
      ? await this.conversations.create(customer.id, inbound.channel, tx, {
          sessionTokenHash: inbound.sessionToken ? hashSessionToken(inbound.sessionToken) : null,
          clientAddress: inbound.clientAddress ?? null,
        })
      : ((await this.conversations.findOpen(customer.id, inbound.channel, tx)) ?? (await this.conversations.create(customer.id, inbound.channel, tx)));
    if (profile) await this.applyProfile(customer, conversation, profile, tx);
    return conversation;
  }

  /** What a customer says about themselves never replaces the details of a verified customer. */
  private async applyProfile(customer: Customer, conversation: Conversation, profile: Profile, tx: Queryable): Promise<void> {
    if (conversation.verifiedShopUserId || (await this.customers.hasVerifiedIdentity(customer.id, tx))) return;
    await this.customers.updateProfile(customer, profile, tx);
  }
}

function cleanProfile(profile: InboundMessage['profile']): Profile | undefined {
  if (!profile) return undefined;
  const name = profile.name === undefined ? undefined : withoutControlCharacters(profile.name).trim() || undefined;
  const email = profile.email === undefined ? undefined : withoutControlCharacters(profile.email).trim() || undefined;
  return name || email ? { ...(name ? { name } : {}), ...(email ? { email } : {}) } : undefined;
}
