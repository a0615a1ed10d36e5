import { RateLimitedError } from '../../errors/errors';
import { RateLimiters, RateLimitPolicy } from '../rate-limiter';

/** A store under test and how to tear it down (nothing but what it made). */
export interface RateLimitersUnderTest {
  limiters: RateLimiters;
  close(): Promise<void>;
}

let policies = 0;
/** A policy of its own per test, so tests on one store never count each other's events. */
export function aPolicy(limit: number, windowMs: number): RateLimitPolicy {
  return { name: `policy-${++policies}-${process.pid}`, limit, windowMs };
}

/** What the events refused, by the error each take threw. */
export async function refusal(take: Promise<void>): Promise<RateLimitedError> {
  const error = await take.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RateLimitedError)) throw new Error(`expected RateLimitedError, got ${String(error)}`);
  return error;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The behaviour every `RateLimiters` must show: in memory, and on Redis. */
export function describeRateLimitersConformance(open: () => Promise<RateLimitersUnderTest>): void {
  let store: RateLimitersUnderTest;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store?.close();
  });

  it('lets `limit` messages through and refuses the next, saying to retry within the window', async () => {
    const limiter = store.limiters.limiter(aPolicy(3, 60_000));
    for (let i = 0; i < 3; i++) await limiter.take('+15035550147');
    const refused = await refusal(limiter.take('+15035550147'));
    expect(refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('counts each sender apart', async () => {
    const limiter = store.limiters.limiter(aPolicy(1, 60_000));
    await limiter.take('+15035550147');
    await expect(limiter.take('+15035550148')).resolves.toBeUndefined();
    await refusal(limiter.take('+15035550147'));
  });

  it('counts each limit apart, though their senders are the same', async () => {
    const sms = store.limiters.limiter(aPolicy(1, 60_000));
    const chat = store.limiters.limiter(aPolicy(1, 60_000));
    await sms.take('203.0.113.7');
    await expect(chat.take('203.0.113.7')).resolves.toBeUndefined();
  });

  it('shares one count between the limiters of one limit', async () => {
    const policy = aPolicy(2, 60_000);
    await store.limiters.limiter(policy).take('conv_1');
    await store.limiters.limiter(policy).take('conv_1');
    await refusal(store.limiters.limiter(policy).take('conv_1'));
  });

  it('does not count refused messages: a sender who keeps trying is let through once the window has passed', async () => {
    const limiter = store.limiters.limiter(aPolicy(1, 400));
    await limiter.take('+15035550147');
    await refusal(limiter.take('+15035550147'));
    await sleep(200);
    await refusal(limiter.take('+15035550147'));
    await sleep(250);
    await expect(limiter.take('+15035550147')).resolves.toBeUndefined();
  });

  it('slides: each message counts for one window from when it came, not until a fixed boundary', async () => {
    const limiter = store.limiters.limiter(aPolicy(2, 1_000));
    await limiter.take('+15035550147');
    await sleep(500);
    await limiter.take('+15035550147');
    const refused = await refusal(limiter.take('+15035550147'));
    // The first message leaves the window about 500 ms from now; the second only a second from now.
    expect(refused.retryAfterMs).toBeLessThanOrEqual(550);
    await sleep(refused.retryAfterMs + 50);
    await limiter.take('+15035550147');
    await refusal(limiter.take('+15035550147'));
  });
}
