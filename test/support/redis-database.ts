import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';

/** The Redis server the tests use (any database number in it is ignored: each test file claims its own). */
export const TEST_REDIS_SERVER_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Held while a test file uses the database; it lapses within LEASE_MS of the file's process dying. */
const LEASE_KEY = 'support-test:lease';
/** Set on claiming and kept: a database carrying it was empty when a test file took it, so all in it is test data. */
const MARKER_KEY = 'support-test:claimed';
const LEASE_MS = 60_000;
/** What the product writes without REDIS_KEY_PREFIX: BullMQ's default prefix, and its own `support:` keys (redis-turn.names.ts). */
const PRODUCT_KEY_PATTERNS = ['bull:*', 'support:*'];

/**
 * Takes the database when nobody holds its lease and it is empty, or holds only what a test file
 * that died left behind (the marker, no lease). Atomic, so two test files never take the same one.
 */
const CLAIM = `
if redis.call('exists', KEYS[1]) == 1 then return 0 end
if redis.call('dbsize') > 0 and redis.call('exists', KEYS[2]) == 0 then return 0 end
redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('set', KEYS[2], ARGV[1])
return 1`;
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1], KEYS[2]) else return 0 end`;

export interface TestRedisDatabase {
  /** REDIS_URL for the product: the test server with this file's database number. */
  url: string;
  db: number;
  /** REDIS_KEY_PREFIX for the product: a random one per test file, so its keys are its own even within the database. */
  keyPrefix: string;
  /** Deletes the product's keys in this database and gives it back; nothing else is touched. */
  release(): Promise<void>;
}

/**
 * A Redis database of the test file's own, so queues, locks and jobs never mix with another test
 * run or anyone else's data on the shared server. Database 0 (where a REDIS_URL without a number
 * points) is never taken. Within it, the product's keys also carry the file's own REDIS_KEY_PREFIX.
 */
export async function claimRedisDatabase(): Promise<TestRedisDatabase> {
  const token = randomUUID();
  const count = await databaseCount();
  for (let db = 1; db < count; db++) {
    const redis = new Redis(databaseUrl(db), { maxRetriesPerRequest: 3 });
    if ((await redis.eval(CLAIM, 2, LEASE_KEY, MARKER_KEY, token, String(LEASE_MS))) === 1) {
      await deleteProductKeys(redis, PRODUCT_KEY_PATTERNS); // what a test file that died here left behind
      return held(redis, db, token);
    }
    redis.disconnect();
  }
  throw new Error(
    `No free Redis database on ${TEST_REDIS_SERVER_URL} (databases 1-${count - 1} are all in use or hold others' data); set TEST_REDIS_URL to another server`,
  );
}

function held(redis: Redis, db: number, token: string): TestRedisDatabase {
  const keyPrefix = `test-${token.slice(0, 8)}`;
  const renew = setInterval(() => void redis.eval(RENEW, 1, LEASE_KEY, token, String(LEASE_MS)).catch(() => undefined), LEASE_MS / 6);
  renew.unref();
  return {
    url: databaseUrl(db),
    db,
    keyPrefix,
    async release() {
      clearInterval(renew);
      try {
        await deleteProductKeys(redis, [...PRODUCT_KEY_PATTERNS, `${keyPrefix}:*`]);
        await redis.eval(RELEASE, 2, LEASE_KEY, MARKER_KEY, token);
      } finally {
        redis.disconnect();
      }
    },
  };
}

function databaseUrl(db: number): string {
  const url = new URL(TEST_REDIS_SERVER_URL);
  url.pathname = `/${db}`;
  return url.toString();
}

async function deleteProductKeys(redis: Redis, patterns: string[]): Promise<void> {
  for (const pattern of patterns) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}

/** `databases` from the server's config; 16 (Redis's default) where CONFIG is not allowed. */
async function databaseCount(): Promise<number> {
  const redis = new Redis(databaseUrl(0), { maxRetriesPerRequest: 3 });
  try {
    const [, value] = (await redis.config('GET', 'databases')) as [string, string];
    return Number(value) || 16;
  } catch {
    return 16;
  } finally {
    redis.disconnect();
  }
}
