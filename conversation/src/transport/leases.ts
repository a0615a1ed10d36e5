import Redis from 'ioredis';
import { Lease, SoleProcessLease } from './lease';
import { RedisLease } from './redis-lease';
import { RedisNames, redisNames } from './redis-turn.names';

/** How long a lease outlives a holder that died: another process takes over within about this long. */
export const DEFAULT_LEASE_TTL_MS = 6_000;

/**
 * The leases of one installation: on Redis when REDIS_URL is set (several gateways and workers),
 * otherwise always held by the one process there is.
 */
export class Leases {
  private readonly redis: Redis | null;
  private readonly names: RedisNames;

  constructor(redis: { url?: string; keyPrefix?: string }) {
    this.redis = redis.url ? new Redis(redis.url, { maxRetriesPerRequest: 3 }) : null;
    this.names = redisNames(redis.keyPrefix);
  }

  lease(name: string, ttlMs = DEFAULT_LEASE_TTL_MS): Lease {
    return this.redis ? new RedisLease(this.redis, this.names.leaseKey(name), ttlMs) : new SoleProcessLease();
  }

  /**
   * Start-up work that one process does for all that start together (indexing the help center): the
   * first to take the lease does it; the others wait, then skip it when it was done since they started
   * (a process started later does it again), and do it themselves if the one doing it died first.
   * Resolves true when this process did the work.
   */
  async once(name: string, work: () => Promise<void>): Promise<boolean> {
    const processStartedAt = Date.now() - process.uptime() * 1000;
    const lease = this.lease(name);
    while (!(await lease.tryAcquire())) await new Promise((resolve) => setTimeout(resolve, lease.renewEveryMs));
    const renew = setInterval(() => void lease.renew().catch(() => undefined), lease.renewEveryMs);
    try {
      const doneAt = this.redis ? Number(await this.redis.get(this.names.doneKey(name))) : 0;
      if (doneAt > processStartedAt) return false;
      await work();
      await this.redis?.set(this.names.doneKey(name), String(Date.now()));
      return true;
    } finally {
      clearInterval(renew);
      await lease.release().catch(() => undefined);
    }
  }

  close(): void {
    this.redis?.disconnect();
  }
}
