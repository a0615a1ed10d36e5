import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { ConversationLock } from './conversation-lock';
import { conversationLockKey } from './redis-turn.names';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/** One conversation at a time across all agent workers: a Redis lease, renewed while the work runs. */
export class RedisConversationLock extends ConversationLock {
  private readonly redis: Redis;

  constructor(redisUrl: string, private readonly options: { leaseMs: number; waitMs: number } = { leaseMs: 30_000, waitMs: 120_000 }) {
    super();
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
  }

  async run<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
    const key = conversationLockKey(conversationId);
    const token = randomUUID();
    await this.acquire(key, token);
    const renew = setInterval(() => void this.redis.eval(EXTEND, 1, key, token, String(this.options.leaseMs)).catch(() => undefined), this.options.leaseMs / 3);
    try {
      return await work();
    } finally {
      clearInterval(renew);
      await this.redis.eval(RELEASE, 1, key, token).catch(() => undefined);
    }
  }

  override async close(): Promise<void> {
    this.redis.disconnect();
  }

  private async acquire(key: string, token: string): Promise<void> {
    const deadline = Date.now() + this.options.waitMs;
    for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
      if (await this.redis.set(key, token, 'PX', this.options.leaseMs, 'NX')) return;
      if (Date.now() > deadline) throw new Error(`Conversation ${key} stayed locked for ${this.options.waitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
