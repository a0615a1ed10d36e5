import type { EmailThreadHeaders } from '@support/channels';
import type { Queryable } from '@support/platform';

/** Where the customer is right now, as their channel knows it: what a destination needs to hand them over. */
export type CustomerReach =
  | {
      channel: 'email';
      /** The customer's mail this reply answers, and its raw source (attached to the forward). */
      messageId: string;
      replyTo: string;
      name?: string;
      thread: EmailThreadHeaders;
      original: Buffer;
      /** The mail is processed in this transaction: the forward is queued with the reply, or not at all. */
      tx?: Queryable;
    }
  | { channel: 'voice'; callSid: string; streamSid: string; from: string; fromVerified: boolean }
  | { channel: 'web' | 'sms' | 'whatsapp' };
