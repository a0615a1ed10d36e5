import { PlannedMessage } from './message-plan';

/** What the customer's side saw of one message: its tries, whether the provider (or browser) got a 2xx, the reply it got. */
export interface MessageOutcome {
  message: PlannedMessage;
  /** Deliveries tried: webhooks posted, APPENDs tried, chat requests made. */
  attempts: number;
  /** Twilio got a 2xx for its webhook; the mail server took the mail; the browser got its reply. */
  acknowledged: boolean;
  /** The last failure, for the report. */
  lastError?: string;
  /** Web chat: the conversation and the session that may read it. */
  conversationId?: string;
  sessionToken?: string;
}

export function newOutcome(message: PlannedMessage): MessageOutcome {
  return { message, attempts: 0, acknowledged: false };
}

/** A failure in a few words: the socket error code, "timeout", or the start of the message. */
export function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  if (cause) return cause;
  if ((error as Error)?.name === 'TimeoutError') return 'timeout';
  return String((error as Error)?.message ?? error).slice(0, 120);
}
