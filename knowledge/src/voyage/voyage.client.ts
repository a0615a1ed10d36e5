import { VoyageAIClient } from 'voyageai';

export interface VoyageClientOptions {
  apiKey: string;
  /** Default https://api.voyageai.com/v1. A bare host (`http://127.0.0.1:4040`) gets `/v1` added. */
  baseUrl?: string;
  timeoutMs?: number;
}

/**
 * The SDK client with its own retries off: retries and backoff live in `RetryPolicy`, so there is one place
 * that decides how long a customer may wait.
 */
export function createVoyageClient(options: VoyageClientOptions): VoyageAIClient {
  return new VoyageAIClient({
    apiKey: options.apiKey,
    baseUrl: options.baseUrl ? voyageBaseUrl(options.baseUrl) : undefined,
    timeoutInSeconds: (options.timeoutMs ?? 10_000) / 1000,
    maxRetries: 0,
  });
}

/** The SDK joins `embeddings` and `rerank` onto the base, whose `/v1` people tend to leave out. */
export function voyageBaseUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.pathname === '/' || parsed.pathname === '') parsed.pathname = '/v1';
  return parsed.toString().replace(/\/$/, '');
}
