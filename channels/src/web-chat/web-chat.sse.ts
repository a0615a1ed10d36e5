/** One Server-Sent Event, as the web chat page reads it: `event: <name>` then one line of JSON. */
export function sseEvent(name: 'conversation' | 'delta' | 'reply' | 'error' | 'message', data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** The response headers of a web chat event stream: not cached, not buffered by a proxy. */
export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
} as const;
