import Anthropic from '@anthropic-ai/sdk';
import { anthropicRetryDelayMs } from './anthropic-retry.delay';

const NO_JITTER = () => 0;
const apiError = (status: number, headers: Record<string, string> = {}) =>
  Anthropic.APIError.generate(status, { type: 'error', error: { type: 'api_error', message: 'x' } }, 'x', new Headers(headers));

describe(anthropicRetryDelayMs.name, () => {
  it('waits as long as retry-after says, in seconds', () => {
    expect(anthropicRetryDelayMs(apiError(429, { 'retry-after': '60' }), 0, NO_JITTER)).toBe(60_000);
  });

  it('prefers retry-after-ms', () => {
    expect(anthropicRetryDelayMs(apiError(529, { 'retry-after-ms': '10', 'retry-after': '60' }), 0, NO_JITTER)).toBe(10);
  });

  it('backs off from half a second, doubling, without a header', () => {
    expect([0, 1, 2, 5].map((retry) => anthropicRetryDelayMs(apiError(500), retry, NO_JITTER))).toEqual([500, 1000, 2000, 8000]);
  });

  it('never retries a request the API refused as malformed, or one the server says not to retry', () => {
    expect(anthropicRetryDelayMs(apiError(400), 0)).toBeNull();
    expect(anthropicRetryDelayMs(apiError(529, { 'x-should-retry': 'false' }), 0)).toBeNull();
  });

  it('retries a dropped connection but not a call the product aborted', () => {
    expect(anthropicRetryDelayMs(new Anthropic.APIConnectionError({ message: 'socket hang up' }), 0, NO_JITTER)).toBe(500);
    expect(anthropicRetryDelayMs(new Anthropic.APIUserAbortError(), 0)).toBeNull();
  });
});
