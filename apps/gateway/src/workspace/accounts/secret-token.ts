import { createHash, randomBytes } from 'node:crypto';

/** A random bearer secret (a session, a sign-in link); only its hash is stored, so a database leak signs no one in. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const PLAUSIBLE_TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

export function isPlausibleToken(value: unknown): value is string {
  return typeof value === 'string' && PLAUSIBLE_TOKEN.test(value);
}
