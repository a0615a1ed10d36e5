import { ProviderError } from '@support/platform';

/** A provider error may say when to come back (HTTP `Retry-After`); the retry policy honours it. */
export interface RetryAfterHint {
  retryAfterMs?: number;
}

export interface RetryPolicyOptions {
  /** Attempts after the first (default 3). */
  maxRetries?: number;
  /** First backoff; doubles each attempt, with ±20 % jitter (default 500 ms). */
  baseDelayMs?: number;
  /** Longest wait between attempts, `Retry-After` included (default 30 s). */
  maxDelayMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * Retries work that failed with a retryable `ProviderError` (429, 5xx, timeouts, network), with exponential
 * backoff or the provider's `Retry-After`. Anything else, and the last failure, is thrown as it came.
 */
export class RetryPolicy {
  readonly maxRetries: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(options: RetryPolicyOptions = {}) {
    this.maxRetries = options.maxRetries ?? 3;
    this.baseDelayMs = options.baseDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (attempt >= this.maxRetries || !(error instanceof ProviderError) || !error.retryable) throw error;
        await this.sleep(this.delayMs(attempt, (error as ProviderError & RetryAfterHint).retryAfterMs));
      }
    }
  }

  /** The wait before retry number `attempt + 1`. */
  delayMs(attempt: number, retryAfterMs?: number): number {
    if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(retryAfterMs, this.maxDelayMs);
    const jitter = 0.8 + 0.4 * this.random();
    return Math.min(this.baseDelayMs * 2 ** attempt * jitter, this.maxDelayMs);
  }
}
