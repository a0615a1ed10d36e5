import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackHttpServer, readBody } from '../loopback-http.server';
import { hashedTextEmbedding } from './hashed-text.embedding';
import { estimateTokens, findInvalidEmbeddings, findInvalidRerank } from './voyage-request.validator';
import type { EmbeddingsRequest, FailureStep, RecordedRequest, RerankRequest } from './voyage-wire.types';
import { wordOverlapRelevance } from './word-overlap.rerank-scorer';

export interface FakeVoyageOptions {
  /** The only key accepted (default: any non-empty bearer key). */
  apiKey?: string;
  /** Overrides the per-model token limit of `POST /v1/embeddings`, to exercise batching with small inputs. */
  embeddingTokenLimit?: number;
}

/** A local stand-in for Voyage's `POST /v1/embeddings` and `POST /v1/rerank`; point the SDK's `baseUrl` at `${url}/v1`. */
export interface FakeVoyage {
  /** e.g. `http://127.0.0.1:43121` (no `/v1`). */
  readonly url: string;
  /** Every request received, in order, rejected ones included. */
  readonly requests: RecordedRequest[];
  /** Queues failures for the next valid requests (per route when `route` is given). */
  fail(...steps: FailureStep[]): void;
  reset(): void;
  close(): Promise<void>;
}

export class FakeVoyageServer implements FakeVoyage {
  readonly requests: RecordedRequest[] = [];
  private readonly failures: FailureStep[] = [];
  private readonly http = new LoopbackHttpServer((request, response) => {
    this.handle(request, response).catch(() => response.destroy());
  });

  constructor(private readonly options: FakeVoyageOptions = {}) {}

  get url(): string {
    return this.http.url;
  }

  /** Port 0 (default) picks a free one. */
  listen(port = 0): Promise<void> {
    return this.http.listen(port);
  }

  fail(...steps: FailureStep[]): void {
    this.failures.push(...steps);
  }

  reset(): void {
    this.requests.length = 0;
    this.failures.length = 0;
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const body = parseJson(await readBody(request));
    const record: RecordedRequest = { method: request.method ?? '', path, headers: flattenHeaders(request), body, status: 0 };
    this.requests.push(record);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(payload));
    };

    const route = path === '/v1/embeddings' ? 'embeddings' : path === '/v1/rerank' ? 'rerank' : undefined;
    if (request.method !== 'POST' || !route) return send(404, { detail: 'Not Found' });
    if (!this.authorised(request)) return send(401, { detail: 'Provided API key is invalid.' });
    if (body === undefined) return send(400, { detail: 'Request body is not valid JSON.' });
    const invalid =
      route === 'embeddings' ? findInvalidEmbeddings(body as EmbeddingsRequest, this.options.embeddingTokenLimit) : findInvalidRerank(body as RerankRequest);
    if (invalid) return send(400, { detail: invalid });

    const failure = this.takeFailure(route);
    if (failure) {
      const headers: Record<string, string> = failure.retryAfterSeconds !== undefined ? { 'retry-after': String(failure.retryAfterSeconds) } : {};
      return send(failure.status, { detail: failure.detail ?? defaultDetail(failure.status) }, headers);
    }
    return route === 'embeddings' ? send(200, embeddings(body as EmbeddingsRequest)) : send(200, rerank(body as RerankRequest));
  }

  private authorised(request: IncomingMessage): boolean {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    return !!match && (this.options.apiKey === undefined || match[1] === this.options.apiKey);
  }

  private takeFailure(route: 'embeddings' | 'rerank'): FailureStep | undefined {
    const index = this.failures.findIndex((step) => !step.route || step.route === route);
    return index < 0 ? undefined : this.failures.splice(index, 1)[0];
  }
}

export async function startFakeVoyage(options: FakeVoyageOptions = {}): Promise<FakeVoyageServer> {
  const server = new FakeVoyageServer(options);
  await server.listen();
  return server;
}

function embeddings(request: EmbeddingsRequest) {
  const input = typeof request.input === 'string' ? [request.input] : request.input;
  const dimensions = request.output_dimension ?? 1024;
  return {
    object: 'list',
    data: input.map((text, index) => ({ object: 'embedding', embedding: hashedTextEmbedding(text, dimensions), index })),
    model: request.model,
    usage: { total_tokens: input.reduce((sum, text) => sum + estimateTokens(text), 0) },
  };
}

function rerank(request: RerankRequest) {
  const scored = request.documents
    .map((document, index) => ({ index, relevance_score: wordOverlapRelevance(request.query, document), ...(request.return_documents ? { document } : {}) }))
    .sort((a, b) => b.relevance_score - a.relevance_score || a.index - b.index);
  const queryTokens = estimateTokens(request.query);
  return {
    object: 'list',
    data: scored.slice(0, request.top_k ?? scored.length),
    model: request.model,
    usage: { total_tokens: request.documents.reduce((sum, document) => sum + queryTokens + estimateTokens(document), 0) },
  };
}

function defaultDetail(status: number): string {
  if (status === 429) return 'You have exceeded your rate limit. Please retry after a moment.';
  if (status >= 500) return 'The server had an error while processing your request.';
  return 'Bad request.';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function flattenHeaders(request: IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
}
