import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import Redis from 'ioredis';
import { Lease } from './lease';

const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/** A lease on Redis: `SET key token NX PX ttl`, renewed and released only by the token that took it. */
export class RedisLease extends Lease {
  readonly renewEveryMs: number;
  /** Names the holder, so an operator (or a test) can tell which process holds it. */
  private readonly token = `${hostname()}:${process.pid}:${randomUUID()}`;

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly ttlMs: number,
  ) {
    super();
    this.renewEveryMs = Math.max(100, Math.floor(ttlMs / 3));
  }

  async tryAcquire(): Promise<boolean> {
    if ((await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX')) === 'OK') return true;
    return (await this.redis.get(this.key)) === this.token && this.renew();
  }

  async renew(): Promise<boolean> {
    return (await this.redis.eval(RENEW, 1, this.key, this.token, String(this.ttlMs))) === 1;
  }

  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key, this.token);
  }
}
