import { Channel, Conversation, IdentityKind } from '@support/conversation';

/** What a channel reports after handing a message to its provider. */
export interface SentMessage {
  /** The provider's id for the outbound message (Twilio MessageSid, email Message-ID), when it gives one. */
  channelMessageId: string | null;
}

/**
 * Sends text to a customer on one channel, outside the request that brought their message:
 * a person's reply from the agent API, a follow-up. Each channel that can reach a customer
 * on its own registers one; the gateway picks it by `channel`.
 *
 * Throws `ChannelError` when the channel may not or cannot deliver (customer opted out,
 * WhatsApp window closed, provider refused); nothing was sent then.
 */
export abstract class MessageSender {
  abstract readonly channel: Channel;
  /** Which of the customer's identities is their address on this channel. */
  abstract readonly addressKind: IdentityKind;
  abstract send(conversation: Conversation, customerAddress: string, text: string): Promise<SentMessage>;
}
