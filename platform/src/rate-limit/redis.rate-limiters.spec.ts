import Redis from 'ioredis';
import { claimRedisDatabase, TestRedisDatabase } from '../../../test/support/redis-database';
import { RedisRateLimiters } from './redis.rate-limiters';
import { aPolicy, describeRateLimitersConformance, refusal } from './testing/rate-limiters.conformance';

/** Keys under the test file's own prefix, which `release` deletes. */
const keyOf = (database: TestRedisDatabase) => (name: string) => `${database.keyPrefix}:rate-limit:${name}`;

describe(RedisRateLimiters.name, () => {
  describe('the rate-limit behaviour', () => {
    describeRateLimitersConformance(async () => {
      const database = await claimRedisDatabase();
      const limiters = new RedisRateLimiters(database.url, { keyOf: keyOf(database) });
      return {
        limiters,
        close: async () => {
          await limiters.close();
          await database.release();
        },
      };
    });
  });

  describe('shared by the gateways of one installation', () => {
    let database: TestRedisDatabase;
    let gateways: RedisRateLimiters[];
    let redis: Redis;
    beforeAll(async () => {
      database = await claimRedisDatabase();
      gateways = [0, 1].map(() => new RedisRateLimiters(database.url, { keyOf: keyOf(database) }));
      redis = new Redis(database.url, { maxRetriesPerRequest: 3 });
    });
    afterAll(async () => {
      redis?.disconnect();
      await Promise.all((gateways ?? []).map((g) => g.close()));
      await database?.release();
    });

    it('limits a sender once their messages to all the gateways together pass the limit', async () => {
      const policy = aPolicy(3, 60_000);
      await gateways[0].limiter(policy).take('+15035550147');
      await gateways[1].limiter(policy).take('+15035550147');
      await gateways[0].limiter(policy).take('+15035550147');
      await refusal(gateways[1].limiter(policy).take('+15035550147'));
      await refusal(gateways[0].limiter(policy).take('+15035550147'));
    });

    it('counts a burst across the gateways exactly, however the messages interleave', async () => {
      const policy = aPolicy(10, 60_000);
      const outcomes = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => gateways[i % 2].limiter(policy).take('+15035550148')));
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    });

    it("keeps a sender's count under the installation's prefix only for its window", async () => {
      const policy = aPolicy(5, 30_000);
      await gateways[0].limiter(policy).take('+15035550149');
      const key = `${database.keyPrefix}:rate-limit:${policy.name}:+15035550149`;
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(30_000);
    });
  });
});
