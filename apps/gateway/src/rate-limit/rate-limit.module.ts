import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { redisNames } from '@support/conversation';
import { APP_CONFIG, InMemoryRateLimiters, RateLimiters, RedisRateLimiters } from '@support/platform';
import type { AppConfig } from '@support/platform';

/**
 * The customer-facing rate limits (per SMS/WhatsApp sender, per web chat conversation or client address): on Redis
 * with REDIS_URL, so every gateway counts the same messages, in memory for the one process otherwise.
 */
@Module({
  providers: [
    {
      provide: RateLimiters,
      inject: [APP_CONFIG],
      useFactory: ({ redis }: AppConfig) =>
        redis.url ? new RedisRateLimiters(redis.url, { keyOf: redisNames(redis.keyPrefix).rateLimitKey }) : new InMemoryRateLimiters(),
    },
  ],
  exports: [RateLimiters],
})
export class RateLimitModule implements OnApplicationShutdown {
  constructor(@Inject(RateLimiters) private readonly limiters: RateLimiters) {}

  async onApplicationShutdown(): Promise<void> {
    await this.limiters.close();
  }
}
