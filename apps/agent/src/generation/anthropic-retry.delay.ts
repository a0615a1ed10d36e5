import Anthropic from '@anthropic-ai/sdk';

const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8000;
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * The SDK's retry rule, kept here because its own retries are off (they would sleep past the turn's
 * deadline): connection failures, 408, 409, 429 and 5xx are retried, `x-should-retry` overrides,
 * `retry-after-ms` then `retry-after` say how long to wait, else 0.5 s doubling to 8 s with jitter.
 * Unlike the SDK, an `error` event in the middle of a stream (overloaded) is retried too.
 * Returns null when the error must not be retried.
 */
export function anthropicRetryDelayMs(error: unknown, retry: number, random: () => number = Math.random): number | null {
  if (error instanceof Anthropic.APIUserAbortError) return null;
  if (error instanceof Anthropic.APIConnectionError) return backoffMs(retry, random);
  if (!(error instanceof Anthropic.APIError)) return null;
  const told = error.headers?.get('x-should-retry');
  if (told === 'false') return null;
  if (told !== 'true' && !isRetryableStatus(error.status)) return null;
  return retryAfterMs(error.headers) ?? backoffMs(retry, random);
}

function isRetryableStatus(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
}

function retryAfterMs(headers: Headers | undefined): number | null {
  const millis = parseFloat(headers?.get('retry-after-ms') ?? '');
  if (isUsableDelay(millis)) return millis;
  const header = headers?.get('retry-after');
  if (!header) return null;
  const seconds = parseFloat(header);
  const delay = Number.isNaN(seconds) ? Date.parse(header) - Date.now() : seconds * 1000;
  return isUsableDelay(delay) ? delay : null;
}

function isUsableDelay(ms: number): boolean {
  return ms > 0 && ms <= LONGEST_TIMER_MS;
}

function backoffMs(retry: number, random: () => number): number {
  const delay = Math.min(INITIAL_DELAY_MS * 2 ** retry, MAX_DELAY_MS);
  return delay * (1 - random() * 0.25);
}
