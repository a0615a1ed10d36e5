/** One Server-Sent Event, as the web chat page reads it: `event: <name>` then one line of JSON. */
export function sseEvent(name: 'conversation' | 'delta' | 'reply' | 'error' | 'message', data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}
