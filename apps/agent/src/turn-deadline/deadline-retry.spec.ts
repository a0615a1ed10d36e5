import { retryWithinDeadline } from './deadline-retry';
import { TurnDeadline } from './turn-deadline';

/** A clock the waits move forward, so a test sees how long the loop would have slept. */
function scriptedTime(deadlineInMs: number) {
  let now = 0;
  const waits: number[] = [];
  return {
    deadline: new TurnDeadline(deadlineInMs, () => now),
    waits,
    wait: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
  };
}

function failingTimes(failures: number, error: unknown = new Error('overloaded')) {
  let calls = 0;
  const attempt = async () => {
    calls++;
    if (calls <= failures) throw error;
    return 'answer';
  };
  return { attempt, calls: () => calls };
}

describe(retryWithinDeadline.name, () => {
  it('tries again after a retryable failure when the wait ends before the deadline', async () => {
    const time = scriptedTime(1500);
    const model = failingTimes(1);

    await expect(retryWithinDeadline(model.attempt, { ...time, maxRetries: 1, retryDelayMs: () => 500 })).resolves.toBe('answer');
    expect(time.waits).toEqual([500]);
  });

  it('gives up at once, without waiting, when the wait asked for would end past the deadline', async () => {
    const time = scriptedTime(1500);
    const rateLimited = new Error('429, retry after 60 s');
    const model = failingTimes(1, rateLimited);

    await expect(retryWithinDeadline(model.attempt, { ...time, maxRetries: 2, retryDelayMs: () => 60_000 })).rejects.toBe(rateLimited);
    expect(time.waits).toEqual([]);
    expect(model.calls()).toBe(1);
  });

  it('stops after the retries allowed, with the last failure', async () => {
    const time = scriptedTime(20_000);
    const model = failingTimes(5);

    await expect(retryWithinDeadline(model.attempt, { ...time, maxRetries: 2, retryDelayMs: () => 100 })).rejects.toThrow('overloaded');
    expect(model.calls()).toBe(3);
  });

  it('never tries again a failure that must not be retried', async () => {
    const time = scriptedTime(20_000);
    const model = failingTimes(1);

    await expect(retryWithinDeadline(model.attempt, { ...time, maxRetries: 3, retryDelayMs: () => null })).rejects.toThrow('overloaded');
    expect(model.calls()).toBe(1);
  });
});
