import { RateLimitedError } from '../errors/errors';
import { RateLimiter } from './rate-limiter';

/** At most `limit` events per key in any `windowMs`; in memory, so per process. */
export class SlidingWindowRateLimiter extends RateLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  async take(key: string): Promise<void> {
    const now = this.now();
    const recent = (this.events.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(key, recent);
      throw new RateLimitedError(recent[0] + this.windowMs - now);
    }
    recent.push(now);
    this.events.set(key, recent);
    if (this.events.size > 10_000) this.forgetIdle(now);
  }

  private forgetIdle(now: number): void {
    for (const [key, times] of this.events) if (!times.some((t) => t > now - this.windowMs)) this.events.delete(key);
  }
}
