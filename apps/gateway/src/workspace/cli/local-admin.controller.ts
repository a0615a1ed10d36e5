import { Body, CanActivate, Controller, ExecutionContext, ForbiddenException, Get, Injectable, Post, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { Account } from '../accounts/account';
import { AccountInvitations, Invitation } from '../accounts/account-invitations.service';
import { AccountRepository } from '../accounts/account.repository';
import { LocalAdminToken } from './local-admin-token';

/** From this machine (not through a proxy) and with the token in DATA_DIR: the `npm run agents` command. */
@Injectable()
export class LocalAdminGuard implements CanActivate {
  constructor(private readonly token: LocalAdminToken) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const loopback = /^(127\.|::1$|::ffff:127\.)/.test(req.socket.remoteAddress ?? '') && !req.headers['x-forwarded-for'];
    const presented = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!loopback || !this.token.matches(presented)) throw new ForbiddenException('Only npm run agents on this machine may do this.');
    return true;
  }
}

@Controller('workspace/api/local')
@UseGuards(LocalAdminGuard)
export class LocalAdminController {
  constructor(
    private readonly invitations: AccountInvitations,
    private readonly accounts: AccountRepository,
  ) {}

  @Get('accounts')
  list(): Promise<Account[]> {
    return this.accounts.list();
  }

  @Post('accounts')
  add(@Body() body: { email?: unknown; role?: unknown; phone?: unknown }): Promise<Invitation> {
    return this.invitations.add(body?.email, body?.role ?? 'agent', body?.phone);
  }

  @Post('sign-in-links')
  reissue(@Body() body: { email?: unknown }): Promise<Invitation> {
    return this.invitations.reissue(body?.email);
  }
}
