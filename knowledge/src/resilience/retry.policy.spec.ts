import { ProviderError } from '@support/platform';
import { RetryPolicy } from './retry.policy';

describe(RetryPolicy.name, () => {
  const waits: number[] = [];
  const policy = (maxRetries = 3) => new RetryPolicy({ maxRetries, baseDelayMs: 100, random: () => 0.5, sleep: async (ms) => void waits.push(ms) });
  const failingTimes = (times: number, error: Error) => {
    let calls = 0;
    const work = async () => {
      calls++;
      if (calls <= times) throw error;
      return 'done';
    };
    return { work, calls: () => calls };
  };

  beforeEach(() => (waits.length = 0));

  it('retries a retryable provider failure with doubling waits and then succeeds', async () => {
    const flaky = failingTimes(2, new ProviderError('voyage', 'HTTP 503', true));

    await expect(policy().run(flaky.work)).resolves.toBe('done');

    expect(flaky.calls()).toBe(3);
    expect(waits).toEqual([100, 200]);
  });

  it('waits as long as the provider asks when it says Retry-After', async () => {
    const error = Object.assign(new ProviderError('voyage', 'HTTP 429', true), { retryAfterMs: 1500 });

    await policy().run(failingTimes(1, error).work);

    expect(waits).toEqual([1500]);
  });

  it('does not retry a failure that trying again cannot fix', async () => {
    const rejected = failingTimes(1, new ProviderError('voyage', 'HTTP 400', false));

    await expect(policy().run(rejected.work)).rejects.toThrow('HTTP 400');
    expect(rejected.calls()).toBe(1);
  });

  it('gives up after the configured retries with the last failure', async () => {
    const down = failingTimes(10, new ProviderError('voyage', 'HTTP 500', true));

    await expect(policy(2).run(down.work)).rejects.toThrow('HTTP 500');
    expect(down.calls()).toBe(3);
  });
});
