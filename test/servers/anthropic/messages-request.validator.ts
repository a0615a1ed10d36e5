import type { MessagesRequest } from './anthropic-wire.types';
import { flattenPrompt } from './prompt-blocks.flattener';
import { findToolLoopViolation } from './tool-loop.validator';

const ROLES = new Set(['user', 'assistant', 'system']);
const MAX_CACHE_BREAKPOINTS = 4;

/** Returns the `invalid_request_error` message the API would give, or undefined when the body is acceptable. */
export function findInvalidRequest(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'request body must be a JSON object';
  const request = body as Partial<MessagesRequest>;
  if (typeof request.model !== 'string' || request.model === '') return 'model: Field required';
  if (!Number.isInteger(request.max_tokens) || (request.max_tokens as number) < 1) return 'max_tokens: Field required';
  if (!Array.isArray(request.messages) || request.messages.length === 0) return 'messages: Field required';
  for (const [index, message] of request.messages.entries()) {
    if (!ROLES.has(message?.role)) return `messages.${index}.role: Input should be 'user' or 'assistant'`;
    if (typeof message.content !== 'string' && !Array.isArray(message.content)) return `messages.${index}.content: Field required`;
  }
  const breakpoints = flattenPrompt(request as MessagesRequest).filter((block) => block.cacheControl).length;
  if (breakpoints > MAX_CACHE_BREAKPOINTS) {
    return `A maximum of ${MAX_CACHE_BREAKPOINTS} blocks with cache_control may be provided. Found ${breakpoints}.`;
  }
  return findToolLoopViolation(request.messages);
}
