import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Channel } from '../model/channel';

/** Channels whose conversations belong to the browser that opened them: continued or read only with its session token. */
export const SESSION_CHANNELS: readonly Channel[] = ['web'];

/** 256 random bits, base64url: what the browser (or API client) holds; only its hash is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** sha256 of the token, hex: stored with the conversation. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether the presented token is the one the conversation was opened with, compared in constant time. */
export function sessionTokenMatches(storedHash: string | null, presented: string | undefined): boolean {
  if (!storedHash || !presented) return false;
  const expected = Buffer.from(storedHash, 'hex');
  const actual = createHash('sha256').update(presented, 'utf8').digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
