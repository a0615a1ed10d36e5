import { Channel, IdentityKind } from '../model/channel';
import { Attachment } from '../model/message';

/** A customer's message as every channel adapter hands it over. */
export interface InboundMessage {
  channel: Channel;
  from: { kind: IdentityKind; address: string; verified: boolean };
  profile?: { name?: string; email?: string };
  text: string;
  attachments?: Attachment[];
  /** The channel's own message id; a redelivery with the same id is recognised. */
  channelMessageId?: string;
  /** Continue this conversation (web chat sends it back); otherwise the customer's open one on the channel. */
  conversationId?: string;
  /** Web chat: the secret of the browser session. Opens its conversation, and must match to continue one by id. */
  sessionToken?: string;
  /** Web chat: the client's network address, so that failed proofs of ownership count against it across conversations. */
  clientAddress?: string;
}

export const MAX_MESSAGE_LENGTH = 8000;
