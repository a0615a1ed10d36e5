import { Channel, ReceivedMessage } from '@support/conversation';

/**
 * The inbound side of a channel, the same shape on every channel. A message goes through these steps, in order:
 *
 * 1. verify: the provider vouches for the request (Twilio's signature, our own IMAP login, the chat session);
 * 2. parse it into the one inbound message model (bad input is a `ValidationError`, answered at the edge);
 * 3. `receive`: store it durably, under the provider's id, so a redelivery is recognised;
 * 4. acknowledge it to the provider, only once `receive` has resolved;
 * 5. `answer`: the agent's turn, from the stored message, and the reply through the channel's outbox, where a send
 *    whose outcome is unknown is reconciled with the provider, never blindly repeated; then marked delivered.
 *
 * A crash between any two steps loses nothing: what was stored and not answered, and every send not settled, is
 * taken up again by `resume` at start and every `resumeEveryMs`. Every step may run twice; none answers twice.
 * `test/e2e/channel-contract` holds every channel to this with its provider's local server and `kill -9`.
 *
 * Where the provider keeps the message until it is acknowledged (a mailbox keeps a mail until it is flagged \Seen),
 * `receive` may store the message and its answer together, and `answer` sends what was queued.
 */
export abstract class ChannelInbox<Delivery, Received = ReceivedMessage> {
  abstract readonly channels: readonly Channel[];
  abstract readonly resumeEveryMs: number;
  /** Step 3: resolves once the message is stored; only then may the provider be acknowledged. */
  abstract receive(delivery: Delivery): Promise<Received>;
  /** Step 5, after the acknowledgement: resolves once answered, or once a failure was left for `resume`. */
  abstract answer(delivery: Delivery, received: Received): Promise<void>;
  /** Takes up what a crash or a failure left: at start, everything a dead process held; later, only expired leases. */
  abstract resume(atStart: boolean): Promise<void>;
  /** Resolves once every message accepted so far has been answered, or left for `resume` (a graceful shutdown waits for it). */
  abstract settled(): Promise<void>;
}
