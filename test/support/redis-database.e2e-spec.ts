import Redis from 'ioredis';
import { claimRedisDatabase, TestRedisDatabase } from './redis-database';

/** Each test file's own Redis database on the shared server, given back as it was found. */
describe(claimRedisDatabase.name, () => {
  const claimed: TestRedisDatabase[] = [];
  const claim = async () => {
    const database = await claimRedisDatabase();
    claimed.push(database);
    return database;
  };
  afterEach(async () => {
    for (const database of claimed.splice(0)) await database.release();
  });

  async function keysIn(url: string): Promise<string[]> {
    const redis = new Redis(url);
    try {
      return await redis.keys('*');
    } finally {
      redis.disconnect();
    }
  }

  it('gives two test files claiming at once two different databases, never database 0', async () => {
    const [a, b] = await Promise.all([claim(), claim()]);
    expect(a.db).not.toBe(b.db);
    expect([a.db, b.db]).not.toContain(0);
  });

  it("removes the product's keys when released, leaving the database empty for the next test file", async () => {
    const database = await claim();
    const redis = new Redis(database.url);
    await redis.set('support:conversation-lock:conv_test', 'x');
    await redis.hset('bull:agent-turns:msg_test', 'data', '{}');
    redis.disconnect();

    await claimed.pop()!.release();
    expect(await keysIn(database.url)).toEqual([]);
  });

  it('never takes a database that holds keys it did not put there', async () => {
    const database = await claim();
    const owner = new Redis(database.url);
    try {
      await owner.set('someone-else:key', 'theirs');
      await claimed.pop()!.release();

      const next = await claim();
      expect(next.db).not.toBe(database.db);
      expect(await owner.get('someone-else:key')).toBe('theirs');
    } finally {
      await owner.del('someone-else:key');
      owner.disconnect();
    }
  });
});
