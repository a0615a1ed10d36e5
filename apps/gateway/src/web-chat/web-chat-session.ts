import type { Request, Response } from 'express';
import { parseCookieHeader } from './cookie-header';

/** The HttpOnly cookie that holds a chat page's session token; sent only to the chat API. */
export const SESSION_COOKIE = 'chat_session';
/** How an API client presents the `sessionToken` it was given with its first reply. */
export const SESSION_HEADER = 'x-chat-session';

const PLAUSIBLE_TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/** The session token the request presents: the header if there is one, else the cookie. */
export function presentedSessionToken(req: Request): string | undefined {
  const header = req.headers[SESSION_HEADER];
  const token = (Array.isArray(header) ? header[0] : header) ?? parseCookieHeader(req.headers.cookie).get(SESSION_COOKIE);
  return token && PLAUSIBLE_TOKEN.test(token) ? token : undefined;
}

/**
 * Gives the page its session token. HttpOnly: no script on the page can read it. SameSite=Strict:
 * the chat API is only ever called by its own page, so no request started on another site carries
 * it. A browser-session cookie (no Max-Age): it ends when the browser is closed.
 */
export function setSessionCookie(req: Request, res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/api/chat' });
}
