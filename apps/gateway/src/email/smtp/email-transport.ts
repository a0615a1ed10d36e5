import { OutboundEmail } from '@support/channels';

/**
 * Puts one composed mail on the wire. Throws `ChannelError` (with `retryable`) when the server
 * refuses it or cannot be reached. Retries live in the outbox, not here.
 */
export abstract class EmailTransport {
  abstract send(mail: OutboundEmail): Promise<void>;
  abstract close(): void;
}
