import { Channel } from './channel';

export type MessageDirection = 'inbound' | 'outbound';
export type MessageAuthor = 'customer' | 'bot' | 'human_agent' | 'system';

export interface Attachment {
  url: string;
  contentType?: string;
  name?: string;
}

export interface Message {
  id: string;
  conversationId: string;
  channel: Channel;
  direction: MessageDirection;
  author: MessageAuthor;
  text: string;
  attachments: Attachment[];
  /** The channel's own id (Twilio MessageSid, email Message-ID, …): unique per channel, so a redelivery is recognised. */
  channelMessageId: string | null;
  /** Inbound: whether the channel vouched for the sender of this very message (a caller ID the carrier attested); null when not recorded. */
  senderVerified?: boolean | null;
  /** Inbound: sent while a person had the conversation (`with_human`), so it is theirs to answer and never the bot's. */
  forPerson?: boolean;
  createdAt: Date;
}
