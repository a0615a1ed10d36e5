/** At most `limit` events per key in any `windowMs`; `name` keeps one limit's keys apart from another's. */
export interface RateLimitPolicy {
  name: string;
  limit: number;
  windowMs: number;
}

/** One policy's counter, keyed by whoever is limited (a sender's number, a conversation, a client address). */
export abstract class RateLimiter {
  /** Counts one event for `key`, or throws `RateLimitedError` saying when to try again (a refused event is not counted). */
  abstract take(key: string): Promise<void>;
}

/**
 * Where an installation keeps its rate limits: chosen once from config. In memory for one process (no REDIS_URL);
 * on Redis for several gateways, which then share each sender's count.
 */
export abstract class RateLimiters {
  /** The limiter of one policy; limiters of the same name on the same store share their counts. */
  abstract limiter(policy: RateLimitPolicy): RateLimiter;
  abstract close(): Promise<void>;
}
