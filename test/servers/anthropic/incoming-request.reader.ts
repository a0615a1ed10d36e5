import type { IncomingMessage } from 'node:http';

/** The parsed body, or undefined when it is not JSON. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function flattenHeaders(request: IncomingMessage): Record<string, string> {
  return Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
}

/** SDK 1.x sends `Authorization: Bearer`, older clients and curl `x-api-key`; either will do. */
export function hasCredentials(request: IncomingMessage): boolean {
  const bearer = /^Bearer\s+\S+/i.test(request.headers.authorization ?? '');
  return bearer || Boolean(request.headers['x-api-key']);
}
