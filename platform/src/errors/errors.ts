/** Bad input from a customer, a client or a webhook: maps to HTTP 400 at the gateway. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** An outside provider (model, speech, embeddings) failed. `retryable` says whether trying again may help. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    readonly provider: string,
    message: string,
    readonly retryable: boolean,
    override readonly cause?: unknown,
  ) {
    super(`${provider}: ${message}`);
  }
}

/** A channel could not deliver or parse a message. */
export class ChannelError extends Error {
  override readonly name = 'ChannelError';
  constructor(
    readonly channel: string,
    message: string,
    readonly retryable = false,
  ) {
    super(`${channel}: ${message}`);
  }
}

/** A thing the caller named does not exist (or is not theirs to see). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** Too many requests from one sender. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  constructor(readonly retryAfterMs: number) {
    super('Too many messages; please wait a moment before sending another.');
  }
}
