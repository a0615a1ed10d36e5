import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { ConversationLock } from './conversation-lock';
import { RedisNames, redisNames } from './redis-turn.names';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export interface RedisConversationLockOptions {
  /**
   * How long a lease outlives a worker that stopped renewing it (killed, frozen). Short, so a dead
   * worker's conversations are free again by the time its turns are handed to another worker.
   */
  leaseMs?: number;
  /** How long to wait for a conversation another worker holds before giving up. */
  waitMs?: number;
  keyPrefix?: string;
}

/** One conversation at a time across all agent workers: a Redis lease, renewed while the work runs. */
export class RedisConversationLock extends ConversationLock {
  private readonly redis: Redis;
  private readonly names: RedisNames;
  private readonly leaseMs: number;
  private readonly waitMs: number;
  private readonly held = new Map<string, string>();

  constructor(redisUrl: string, options: RedisConversationLockOptions = {}) {
    super();
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.names = redisNames(options.keyPrefix);
    this.leaseMs = options.leaseMs ?? 5_000;
    this.waitMs = options.waitMs ?? 120_000;
  }

  async run<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const key = this.names.conversationLockKey(conversationId);
    const token = randomUUID();
    await this.acquire(key, token);
    this.held.set(token, key);
    const renew = setInterval(() => void this.redis.eval(EXTEND, 1, key, token, String(this.leaseMs)).catch(() => undefined), this.leaseMs / 3);
    try {
      return await work();
    } finally {
      clearInterval(renew);
      this.held.delete(token);
      await this.redis.eval(RELEASE, 1, key, token).catch(() => undefined);
    }
  }

  /** Gives back what is still held (work abandoned at shutdown), so another worker need not wait for the lease to lapse. */
  override async close(): Promise<void> {
    await Promise.all([...this.held].map(([token, key]) => this.redis.eval(RELEASE, 1, key, token).catch(() => undefined)));
    this.redis.disconnect();
  }

  private async acquire(key: string, token: string): Promise<void> {
    const deadline = Date.now() + this.waitMs;
    for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
      if (await this.redis.set(key, token, 'PX', this.leaseMs, 'NX')) return;
      if (Date.now() > deadline) throw new Error(`Conversation ${key} stayed locked for ${this.waitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
