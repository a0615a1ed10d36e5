import type { ServerResponse } from 'node:http';
import { delayUnlessAborted } from './abortable.delay';
import type { StreamEvent } from './message-stream-events.builder';
import { estimateTokens } from './token-count.estimator';

/** How fast the simulated model streams: a pause before the first delta, then a steady token rate. */
export interface LatencyModel {
  firstTokenMs: number;
  tokensPerSecond: number;
}

export const NO_LATENCY: LatencyModel = { firstTokenMs: 0, tokensPerSecond: Infinity };

export function startEventStream(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
}

export function writeEvent(response: ServerResponse, event: string, data: unknown): void {
  response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Writes the first `count` events and stops, the response left open: a stream that stalls. */
export function writeEventsThenStall(response: ServerResponse, events: StreamEvent[], count: number): void {
  for (const { event, data } of events.slice(0, count)) writeEvent(response, event, data);
}

/** Writes the events with every content delta `dripMs` after the event before it; stops early when `signal` aborts. */
export async function writeDrippedEvents(response: ServerResponse, events: StreamEvent[], dripMs: number, signal: AbortSignal): Promise<void> {
  for (const { event, data } of events) {
    if (event === 'content_block_delta' && !(await delayUnlessAborted(dripMs, signal))) return;
    writeEvent(response, event, data);
  }
  response.end();
}

/** Writes the events, pacing deltas by the latency model; stops early when `signal` aborts. */
export async function writePacedEvents(response: ServerResponse, events: StreamEvent[], latency: LatencyModel, signal: AbortSignal): Promise<void> {
  let deltasSent = 0;
  for (const { event, data, deltaText } of events) {
    if (event === 'content_block_delta') {
      const waitMs = deltasSent === 0 ? latency.firstTokenMs : 0;
      if (!(await delayUnlessAborted(waitMs, signal))) return;
    }
    writeEvent(response, event, data);
    if (event === 'content_block_delta') {
      deltasSent++;
      const generationMs = (estimateTokens(deltaText) / latency.tokensPerSecond) * 1000;
      if (!(await delayUnlessAborted(generationMs, signal))) return;
    }
  }
  response.end();
}
