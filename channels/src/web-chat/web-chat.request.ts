import { InboundMessage, newSessionToken, withoutControlCharacters } from '@support/conversation';
import { ValidationError } from '@support/platform';
import { randomUUID } from 'node:crypto';

/** The body of `POST /api/chat` and `POST /api/chat/stream`. */
export interface WebChatRequest {
  conversationId?: string;
  text: string;
  customer?: { email?: string; name?: string };
  /**
   * The browser's own id for this message, the same on a retry after a dropped connection, so the retry is
   * recognised (stored once, answered once). Honoured when continuing a conversation; a first message's retry
   * has no conversation to be recognised in, and starts one.
   */
  clientMessageId?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const CONVERSATION_ID = /^conv_[a-f0-9]{32}$/;
const CLIENT_MESSAGE_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Checks a web chat request body and turns it into the one inbound message model. A message that
 * starts a conversation gets a new session token; one that continues a conversation carries the
 * token the client presented (`sessionToken`), which the intake checks.
 */
export function toInboundMessage(body: unknown, sessionToken?: string): InboundMessage {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ValidationError('The request body must be a JSON object with a "text" field.');
  const { conversationId, text, customer, clientMessageId } = body as Record<string, unknown>;
  if (typeof text !== 'string' || !withoutControlCharacters(text).trim()) throw new ValidationError('"text" must be a non-empty string.');
  if (conversationId !== undefined && conversationId !== null && (typeof conversationId !== 'string' || !CONVERSATION_ID.test(conversationId))) {
    throw new ValidationError('"conversationId" must be an id returned by an earlier reply.');
  }
  if (clientMessageId !== undefined && clientMessageId !== null && (typeof clientMessageId !== 'string' || !CLIENT_MESSAGE_ID.test(clientMessageId))) {
    throw new ValidationError('"clientMessageId" must be 8 to 64 letters, digits, _ or -.');
  }
  const profile = parseCustomer(customer);
  const continued = typeof conversationId === 'string';
  return {
    channel: 'web',
    // A browser proves nothing about who it is: the session identity is never "verified".
    from: { kind: 'web_session', address: `web_${randomUUID()}`, verified: false },
    profile,
    text: withoutControlCharacters(text),
    // Scoped to the conversation (a channel message id is unique per channel), which only its session may post to.
    channelMessageId: continued && typeof clientMessageId === 'string' ? `${conversationId}:${clientMessageId}` : undefined,
    conversationId: continued ? conversationId : undefined,
    sessionToken: continued ? sessionToken : newSessionToken(),
  };
}

function parseCustomer(customer: unknown): InboundMessage['profile'] {
  if (customer === undefined || customer === null) return undefined;
  if (typeof customer !== 'object' || Array.isArray(customer)) throw new ValidationError('"customer" must be an object with optional "email" and "name".');
  const fields = customer as Record<string, unknown>;
  const email = typeof fields.email === 'string' ? withoutControlCharacters(fields.email).trim() : fields.email;
  const name = typeof fields.name === 'string' ? withoutControlCharacters(fields.name).trim() : fields.name;
  if (email !== undefined && email !== '' && (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email)))
    throw new ValidationError('"customer.email" is not a valid email address.');
  if (name !== undefined && (typeof name !== 'string' || name.length > 200))
    throw new ValidationError('"customer.name" must be a string of at most 200 characters.');
  const profile = {
    ...(typeof email === 'string' && email ? { email: email.toLowerCase() } : {}),
    ...(typeof name === 'string' && name ? { name } : {}),
  };
  return Object.keys(profile).length ? profile : undefined;
}
