import type { Request, Response } from 'express';
import { parseCookieHeader } from '../../web-chat/cookie-header';
import { isPlausibleToken } from '../accounts/secret-token';

export const SESSION_COOKIE = 'workspace_session';
/** Readable by the page's script, which echoes it in `X-CSRF-Token`: a page on another site can neither read nor send it. */
export const CSRF_COOKIE = 'workspace_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_LIFETIME_MS = 12 * 60 * 60_000;

const COOKIE_PATH = '/workspace';

export function presentedSessionToken(req: Request): string | undefined {
  const token = parseCookieHeader(req.headers.cookie).get(SESSION_COOKIE);
  return isPlausibleToken(token) ? token : undefined;
}

/** HttpOnly and SameSite=Strict; Secure when the request came over HTTPS (directly or through a loopback proxy). */
export function setSessionCookies(req: Request, res: Response, session: { token: string; csrfToken: string }): void {
  const common = { sameSite: 'strict' as const, secure: req.secure, path: COOKIE_PATH, maxAge: SESSION_LIFETIME_MS };
  res.cookie(SESSION_COOKIE, session.token, { ...common, httpOnly: true });
  res.cookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(req: Request, res: Response): void {
  for (const name of [SESSION_COOKIE, CSRF_COOKIE]) res.clearCookie(name, { path: COOKIE_PATH, sameSite: 'strict', secure: req.secure });
}
