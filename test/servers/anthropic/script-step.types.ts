import type { MessagesRequest, ReplyBlock, StopReason } from './anthropic-wire.types';

/** Answer with an assistant message; a string is one text block. */
export interface ReplyStep {
  reply: ReplyBlock[] | string;
  /** Defaults to `tool_use` when the reply holds a tool_use block, else `end_turn`. */
  stopReason?: StopReason;
}

/**
 * A model that stops mid-answer: streaming, the reply's first `stallAfterEvents` SSE events
 * (`message_start` is the first, `ping` the second), then nothing while the socket stays open.
 * Non-streaming: the status line, then nothing.
 */
export interface StallStep extends ReplyStep {
  stallAfterEvents: number;
}

/**
 * A model that writes slowly but never stops: streaming, each content delta `dripMs` after the
 * previous event. Non-streaming: the whole reply after `dripMs` per delta it would have streamed.
 */
export interface DripStep extends ReplyStep {
  dripMs: number;
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
export type ScriptStep = (ReplyStep | StallStep | DripStep | ErrorStep | HangStep | StreamErrorStep) & { delayMs?: number };

/** Decides the answer to a request when no scripted step is queued. */
export type Responder = (request: MessagesRequest) => ScriptStep;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Parsed JSON body; `undefined` when the body was not valid JSON. */
  body: MessagesRequest | undefined;
}
