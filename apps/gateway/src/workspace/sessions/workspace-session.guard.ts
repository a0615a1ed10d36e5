import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG } from '@support/platform';
import type { AppConfig } from '@support/platform';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AccountRepository } from '../accounts/account.repository';
import { CSRF_HEADER, presentedSessionToken } from './session-cookies';
import { SessionRepository } from './session.repository';
import { ADMIN_ONLY, attachAccount } from './signed-in-account';
import { isSameOrigin } from './same-origin';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Lets through a request of a signed-in person. A change (any method but GET/HEAD) must also echo the session's
 * CSRF token in `X-CSRF-Token` and, when the browser names its origin, come from this site: a page elsewhere
 * can make the browser send the cookie (were it not SameSite) but cannot read the token.
 */
@Injectable()
export class WorkspaceSessionGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly accounts: AccountRepository,
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const token = presentedSessionToken(req);
    const session = token ? await this.sessions.find(token) : null;
    const account = session ? await this.accounts.get(session.accountId) : null;
    if (!session || !account) throw new UnauthorizedException('Sign in to the workspace first.');
    if (!SAFE_METHODS.has(req.method)) {
      const presented = req.headers[CSRF_HEADER];
      if (typeof presented !== 'string' || !sameSecret(presented, session.csrfToken) || !isSameOrigin(req, this.config.publicBaseUrl)) {
        throw new ForbiddenException('This request did not come from the workspace page; reload it and try again.');
      }
    }
    const adminOnly = this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, [context.getHandler(), context.getClass()]);
    if (adminOnly && account.role !== 'admin') throw new ForbiddenException('Only an admin can do this.');
    attachAccount(req, account);
    return true;
  }
}

function sameSecret(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}
