import { Body, Controller, Delete, ForbiddenException, Get, HttpCode, Inject, Ip, Post, Req, Res, UseGuards } from '@nestjs/common';
import { APP_CONFIG } from '@support/platform';
import type { AppConfig } from '@support/platform';
import type { Request, Response } from 'express';
import { assertJsonRequest } from '../../web-chat/json-content-type';
import type { Account } from '../accounts/account';
import { SignInService } from '../accounts/sign-in.service';
import { InboxFeed } from '../inbox/inbox-feed.service';
import { isSameOrigin } from './same-origin';
import { clearSessionCookies, presentedSessionToken, setSessionCookies } from './session-cookies';
import { SessionRepository } from './session.repository';
import { SignedInAccount } from './signed-in-account';
import { WorkspaceSessionGuard } from './workspace-session.guard';

/** Signing in and out of the workspace. */
@Controller('workspace/api')
export class SessionController {
  constructor(
    private readonly signIns: SignInService,
    private readonly sessions: SessionRepository,
    private readonly feed: InboxFeed,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('session')
  @HttpCode(204)
  async signIn(@Body() body: unknown, @Ip() ip: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    this.assertFromThisSite(req);
    setSessionCookies(req, res, await this.signIns.signIn(body, ip));
  }

  /** Following a sign-in link: choose a password, and be signed in. */
  @Post('password')
  @HttpCode(204)
  async choosePassword(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    this.assertFromThisSite(req);
    setSessionCookies(req, res, await this.signIns.choosePassword(body));
  }

  @Delete('session')
  @HttpCode(204)
  @UseGuards(WorkspaceSessionGuard)
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const token = presentedSessionToken(req)!;
    await this.sessions.end(token);
    this.feed.signedOut(token);
    clearSessionCookies(req, res);
  }

  @Get('me')
  @UseGuards(WorkspaceSessionGuard)
  me(@SignedInAccount() account: Account): Account {
    return account;
  }

  /** No session to hold a CSRF token yet: JSON only (a cross-site form cannot send it) and, from a browser, this origin. */
  private assertFromThisSite(req: Request): void {
    assertJsonRequest(req);
    if (!isSameOrigin(req, this.config.publicBaseUrl)) throw new ForbiddenException('Sign in from the workspace page.');
  }
}
