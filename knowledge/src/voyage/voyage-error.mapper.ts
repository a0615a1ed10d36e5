import { ProviderError } from '@support/platform';
import { VoyageAIError, VoyageAITimeoutError } from 'voyageai';
import { RetryAfterHint } from '../resilience/retry.policy';

/** A failed Voyage call, with the HTTP status when there was one and the server's `Retry-After`. */
export class VoyageApiError extends ProviderError implements RetryAfterHint {
  constructor(
    message: string,
    retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
    cause?: unknown,
  ) {
    super('voyage', message, retryable, cause);
  }
}

/** Retried by the API's own rules: 408, 429 and 5xx, timeouts and network failures; other 4xx are our mistake. */
export function toVoyageApiError(error: unknown): VoyageApiError {
  if (error instanceof VoyageApiError) return error;
  if (error instanceof VoyageAITimeoutError) return new VoyageApiError('request timed out', true, undefined, undefined, error);
  if (error instanceof VoyageAIError) {
    const status = error.statusCode;
    if (status === undefined) return new VoyageApiError(`network failure: ${error.message}`, true, undefined, undefined, error);
    const retryable = status === 408 || status === 429 || status >= 500;
    return new VoyageApiError(`HTTP ${status}: ${detail(error.body)}`, retryable, status, retryAfterMs(error), error);
  }
  return new VoyageApiError(`unexpected failure: ${(error as Error)?.message ?? String(error)}`, false, undefined, undefined, error);
}

/** Voyage answers `{"detail": "..."}`; keep the message short and never echo a whole body. */
function detail(body: unknown): string {
  const text =
    typeof body === 'object' && body !== null && 'detail' in body
      ? String((body as { detail: unknown }).detail)
      : typeof body === 'string'
        ? body
        : 'no detail';
  return text.slice(0, 200);
}

function retryAfterMs(error: VoyageAIError): number | undefined {
  const header = error.rawResponse?.headers?.get?.('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
