import type { Request } from 'express';

/**
 * Whether a request's `Origin` (browsers send it on every POST) is this site: the host the request was sent to,
 * or PUBLIC_BASE_URL's (a proxy may rewrite `Host`). Without `Origin` it is not a browser, which the CSRF token
 * and SameSite cookies already cover.
 */
export function isSameOrigin(req: Request, publicBaseUrl: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    const host = new URL(origin).host;
    return host === req.headers.host || host === new URL(publicBaseUrl).host;
  } catch {
    return false;
  }
}
