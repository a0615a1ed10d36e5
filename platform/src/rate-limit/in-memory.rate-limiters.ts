import { RateLimiter, RateLimiters, RateLimitPolicy } from './rate-limiter';
import { SlidingWindowRateLimiter } from './sliding-window.rate-limiter';

/** Rate limits of one process (no REDIS_URL): a sliding window per policy, forgotten at restart. */
export class InMemoryRateLimiters extends RateLimiters {
  private readonly limiters = new Map<string, SlidingWindowRateLimiter>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  limiter({ name, limit, windowMs }: RateLimitPolicy): RateLimiter {
    let limiter = this.limiters.get(name);
    if (!limiter) this.limiters.set(name, (limiter = new SlidingWindowRateLimiter(limit, windowMs, this.now)));
    return limiter;
  }

  async close(): Promise<void> {}
}
