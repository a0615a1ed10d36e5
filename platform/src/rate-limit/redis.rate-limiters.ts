import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { RateLimitedError } from '../errors/errors';
import { RateLimiter, RateLimiters, RateLimitPolicy } from './rate-limiter';

/**
 * A sliding-window log in one sorted set per key (score: when each counted event happened), checked and
 * added to atomically, on Redis's clock so gateways with skewed clocks agree. The key expires a window after
 * its last counted event. Returns 0 when the event is counted, otherwise the milliseconds until it would be.
 * KEYS[1] the key; ARGV: limit, windowMs, a member unique to this event.
 */
const TAKE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local limit, window = tonumber(ARGV[1]), tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, tonumber(oldest[2]) + window - now)
end
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return 0`;

type RateLimitRedis = Redis & { takeRateLimit(key: string, limit: number, windowMs: number, member: string): Promise<number> };

export interface RedisRateLimitersOptions {
  /** The Redis key of one policy's key (`sms-sender:+15035550147`), under the installation's REDIS_KEY_PREFIX. */
  keyOf: (name: string) => string;
}

/** Rate limits shared by every gateway of an installation (REDIS_URL), and kept across restarts for their window. */
export class RedisRateLimiters extends RateLimiters {
  private readonly redis: RateLimitRedis;

  constructor(
    redisUrl: string,
    private readonly options: RedisRateLimitersOptions,
  ) {
    super();
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 }) as RateLimitRedis;
    this.redis.defineCommand('takeRateLimit', { numberOfKeys: 1, lua: TAKE });
  }

  limiter(policy: RateLimitPolicy): RateLimiter {
    return new RedisRateLimiter(this.redis, policy, this.options.keyOf);
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

class RedisRateLimiter extends RateLimiter {
  constructor(
    private readonly redis: RateLimitRedis,
    private readonly policy: RateLimitPolicy,
    private readonly keyOf: (name: string) => string,
  ) {
    super();
  }

  async take(key: string): Promise<void> {
    const { name, limit, windowMs } = this.policy;
    const retryAfterMs = Number(await this.redis.takeRateLimit(this.keyOf(`${name}:${key}`), limit, windowMs, randomUUID()));
    if (retryAfterMs > 0) throw new RateLimitedError(retryAfterMs);
  }
}
