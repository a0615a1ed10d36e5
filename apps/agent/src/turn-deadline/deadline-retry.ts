import { setTimeout as sleep } from 'node:timers/promises';
import { TurnDeadline } from './turn-deadline';

export interface DeadlineRetryOptions {
  deadline: TurnDeadline;
  /** Tries after the first one. */
  maxRetries: number;
  /** How long to wait before trying again after `error`, or null when it must not be tried again. */
  retryDelayMs(error: unknown, retry: number): number | null;
  wait?: (ms: number) => Promise<unknown>;
}

/**
 * The one retry loop of a turn's model calls: tries `attempt` again after a retryable failure, but
 * never waits past the deadline: a Retry-After that would end after it fails the call now.
 */
export async function retryWithinDeadline<T>(attempt: () => Promise<T>, options: DeadlineRetryOptions): Promise<T> {
  const wait = options.wait ?? sleep;
  for (let retry = 0; ; retry++) {
    try {
      return await attempt();
    } catch (error) {
      const delayMs = retry < options.maxRetries ? options.retryDelayMs(error, retry) : null;
      if (delayMs === null || !options.deadline.leavesTimeAfter(delayMs)) throw error;
      await wait(delayMs);
    }
  }
}
