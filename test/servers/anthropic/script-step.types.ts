import type { MessagesRequest, ReplyBlock, StopReason } from './anthropic-wire.types';

/** Answer with an assistant message; a string is one text block. */
export interface ReplyStep {
  reply: ReplyBlock[] | string;
  /** Defaults to `tool_use` when the reply holds a tool_use block, else `end_turn`. */
  stopReason?: StopReason;
}

/** Answer with an HTTP error, e.g. 529 `overloaded_error` or 429 `rate_limit_error` + `retry-after`. */
export interface ErrorStep {
  error: { status: number; type: string; message?: string };
  headers?: Record<string, string>;
}

/** Never answer; the socket stays open until the client gives up or the server closes. */
export interface HangStep {
  hang: true;
}

/**
 * Streaming: 200, `message_start`, then an SSE `error` event. A non-streaming request
 * cannot fail after its status line, so it gets the matching HTTP error instead.
 */
export interface StreamErrorStep {
  streamError: { type: string; message: string };
}

/** Any step may wait `delayMs` before answering. */
export type ScriptStep = (ReplyStep | ErrorStep | HangStep | StreamErrorStep) & { delayMs?: number };

/** Decides the answer to a request when no scripted step is queued. */
export type Responder = (request: MessagesRequest) => ScriptStep;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON body; `undefined` when the body was not valid JSON. */
  body: MessagesRequest | undefined;
}
