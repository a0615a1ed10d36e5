import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackHttpServer, readBody } from '../loopback-http.server';
import { delayUnlessAborted } from './abortable.delay';
import { generateAnthropicId } from './anthropic-id.generator';
import { flattenHeaders, hasCredentials, parseJsonBody } from './incoming-request.reader';
import type { MessagesRequest } from './anthropic-wire.types';
import { apiErrorBody, statusForErrorType } from './api-error.body';
import { defaultSupportResponder } from './default-support.responder';
import { messageToStreamEvents } from './message-stream-events.builder';
import { findInvalidRequest } from './messages-request.validator';
import { flattenPrompt } from './prompt-blocks.flattener';
import { PromptCacheSimulator } from './prompt-cache.simulator';
import { buildReplyMessage } from './reply-message.builder';
import type { RecordedRequest, ReplyStep, Responder, ScriptStep } from './script-step.types';
import { type LatencyModel, NO_LATENCY, startEventStream, writeDrippedEvents, writeEvent, writeEventsThenStall, writePacedEvents } from './sse-response.writer';

export type { LatencyModel } from './sse-response.writer';

export interface FakeAnthropicOptions {
  /** Answers requests when no scripted step is queued; defaults to `defaultSupportResponder`. */
  responder?: Responder;
  /** Streaming pace; defaults to no latency at all. */
  latency?: LatencyModel;
  /** Prefixes shorter than this are never cached, as with the real API's per-model minimum. */
  minCacheTokens?: number;
  /** Clock for cache TTLs, in milliseconds. */
  now?: () => number;
}

/** A local stand-in for `POST /v1/messages`, to point `new Anthropic({ baseURL })` at. */
export interface FakeAnthropic {
  /** Base URL for the SDK, e.g. `http://127.0.0.1:43121`. */
  readonly url: string;
  /** Every request received, in order, including rejected ones. */
  readonly requests: RecordedRequest[];
  /** Queues answers for the next valid requests; the responder takes over when the queue is empty. */
  script(...steps: ScriptStep[]): void;
  /** Forgets recorded requests, queued steps and the prompt cache. */
  reset(): void;
  /** Stops listening and destroys every socket, hung ones included. */
  close(): Promise<void>;
}

const DEFAULT_MIN_CACHE_TOKENS = 1024;

export class FakeAnthropicServer implements FakeAnthropic {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: ScriptStep[] = [];
  private readonly closing = new AbortController();
  private readonly http = new LoopbackHttpServer((request, response) => {
    this.handle(request, response).catch(() => response.destroy());
  });
  private readonly cache: PromptCacheSimulator;
  private readonly responder: Responder;
  private readonly latency: LatencyModel;

  constructor(options: FakeAnthropicOptions = {}) {
    this.responder = options.responder ?? defaultSupportResponder;
    this.latency = options.latency ?? NO_LATENCY;
    this.cache = new PromptCacheSimulator({
      minCacheTokens: options.minCacheTokens ?? DEFAULT_MIN_CACHE_TOKENS,
      now: options.now ?? Date.now,
    });
  }

  get url(): string {
    return this.http.url;
  }

  listen(): Promise<void> {
    return this.http.listen();
  }

  script(...steps: ScriptStep[]): void {
    this.queue.push(...steps);
  }

  reset(): void {
    this.requests.length = 0;
    this.queue.length = 0;
    this.cache.clear();
  }

  async close(): Promise<void> {
    this.closing.abort();
    await this.http.close();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestId = generateAnthropicId('req');
    response.setHeader('request-id', requestId);
    const fail = (status: number, type: string, message: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(apiErrorBody(type, message, requestId)));
    };

    const body = parseJsonBody(await readBody(request));
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    this.requests.push({ method: request.method ?? '', path, headers: flattenHeaders(request), body: body as MessagesRequest | undefined });

    if (request.method !== 'POST' || path !== '/v1/messages') return fail(404, 'not_found_error', `${request.method} ${path} not found`);
    if (!hasCredentials(request)) return fail(401, 'authentication_error', 'x-api-key header is required');
    if (body === undefined) return fail(400, 'invalid_request_error', 'There was an error parsing the body of your request: invalid JSON');
    const invalid = findInvalidRequest(body);
    if (invalid) return fail(400, 'invalid_request_error', invalid);

    const messagesRequest = body as MessagesRequest;
    const step = this.queue.shift() ?? this.responder(messagesRequest);
    const signal = AbortSignal.any([this.closing.signal, clientGone(response)]);
    if (!(await delayUnlessAborted(step.delayMs ?? 0, signal))) return;

    if ('hang' in step) return;
    if ('error' in step) {
      const { status, type, message } = step.error;
      return fail(status, type, message ?? type.replace(/_/g, ' '), step.headers);
    }
    if ('streamError' in step) {
      const { type, message } = step.streamError;
      if (!messagesRequest.stream) return fail(statusForErrorType(type), type, message);
      const [messageStart] = messageToStreamEvents(this.reply(messagesRequest, { reply: [] }));
      startEventStream(response);
      writeEvent(response, messageStart.event, messageStart.data);
      writeEvent(response, 'error', apiErrorBody(type, message, requestId));
      return void response.end();
    }

    const message = this.reply(messagesRequest, step);
    const events = messageToStreamEvents(message);
    if (!messagesRequest.stream) {
      if ('stallAfterEvents' in step) return void response.writeHead(200, { 'content-type': 'application/json' }).flushHeaders();
      const dripped = 'dripMs' in step ? step.dripMs * events.filter((e) => e.event === 'content_block_delta').length : 0;
      if (!(await delayUnlessAborted(dripped, signal))) return;
      response.writeHead(200, { 'content-type': 'application/json' });
      return void response.end(JSON.stringify(message));
    }
    startEventStream(response);
    if ('stallAfterEvents' in step) return writeEventsThenStall(response, events, step.stallAfterEvents);
    if ('dripMs' in step) return writeDrippedEvents(response, events, step.dripMs, signal);
    await writePacedEvents(response, events, this.latency, signal);
  }

  private reply(request: MessagesRequest, step: ReplyStep) {
    const inputUsage = this.cache.bill(request.model, flattenPrompt(request));
    return buildReplyMessage(request.model, step, inputUsage);
  }
}

/** Starts a fake Messages API on 127.0.0.1 at a random free port. */
export async function startFakeAnthropic(options?: FakeAnthropicOptions): Promise<FakeAnthropic> {
  const server = new FakeAnthropicServer(options);
  await server.listen();
  return server;
}

function clientGone(response: ServerResponse): AbortSignal {
  const controller = new AbortController();
  response.on('close', () => controller.abort());
  return controller.signal;
}
