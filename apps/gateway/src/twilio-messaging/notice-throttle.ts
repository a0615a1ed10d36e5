import Redis from 'ioredis';
import { redisNames } from '@support/conversation';
import type { Database } from '@support/platform';

/** Which notice, to whom: `rate_limited` to `+15035550147` on SMS. */
export interface NoticeRecipient {
  channel: 'sms' | 'whatsapp';
  address: string;
  notice: string;
}

/**
 * One notice per sender per window, for every gateway of an installation and across restarts: the
 * first to claim a recipient sends it, the others (and the same gateway again) stay quiet until the
 * window has passed.
 */
export abstract class NoticeThrottle {
  /** True when this process may send the notice now: nobody has sent it to this recipient within `windowMs`. */
  abstract claim(recipient: NoticeRecipient, windowMs: number): Promise<boolean>;
  abstract close(): Promise<void>;
}

/** On Redis (REDIS_URL): `SET key NX PX window`, as the leases are taken. */
export class RedisNoticeThrottle extends NoticeThrottle {
  private readonly redis: Redis;
  private readonly keyOf: (name: string) => string;

  constructor(redisUrl: string, options: { keyPrefix?: string } = {}) {
    super();
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
    this.keyOf = redisNames(options.keyPrefix).throttleKey;
  }

  async claim({ channel, address, notice }: NoticeRecipient, windowMs: number): Promise<boolean> {
    return (await this.redis.set(this.keyOf(`${notice}:${channel}:${address}`), String(Date.now()), 'PX', Math.max(1, windowMs), 'NX')) === 'OK';
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}

/** In the database (no REDIS_URL): a row per recipient with the end of its window, taken again only once that has passed. */
export class DatabaseNoticeThrottle extends NoticeThrottle {
  constructor(private readonly db: Database) {
    super();
  }

  async claim({ channel, address, notice }: NoticeRecipient, windowMs: number): Promise<boolean> {
    const { rows } = await this.db.query(
      `INSERT INTO twilio_notice_throttle (channel, address, notice, until) VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond')
       ON CONFLICT (channel, address, notice) DO UPDATE SET until = EXCLUDED.until WHERE twilio_notice_throttle.until <= now()
       RETURNING 1`,
      [channel, address, notice, windowMs],
    );
    return rows.length === 1;
  }

  async close(): Promise<void> {}
}
