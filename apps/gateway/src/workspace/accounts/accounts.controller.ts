import { Body, Controller, Get, Post, UseGuards } from '@nestjs/common';
import { Account } from './account';
import { AccountRepository } from './account.repository';
import { AccountInvitations, Invitation } from './account-invitations.service';
import { AdminOnly } from '../sessions/signed-in-account';
import { WorkspaceSessionGuard } from '../sessions/workspace-session.guard';

/** The team: everyone may see who is on it (to hand a conversation over); admins add people. */
@Controller('workspace/api/accounts')
@UseGuards(WorkspaceSessionGuard)
export class AccountsController {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly invitations: AccountInvitations,
  ) {}

  /** Colleagues' phone numbers are theirs: the team list leaves them out. */
  @Get()
  async list(): Promise<Array<Omit<Account, 'phone'>>> {
    return (await this.accounts.list()).map(({ phone: _phone, ...account }) => account);
  }

  @Post()
  @AdminOnly()
  add(@Body() body: unknown): Promise<Invitation> {
    const { email, role, phone } = (body ?? {}) as Record<string, unknown>;
    return this.invitations.add(email, role ?? 'agent', phone);
  }

  @Post('sign-in-links')
  @AdminOnly()
  reissue(@Body() body: unknown): Promise<Invitation> {
    return this.invitations.reissue(((body ?? {}) as Record<string, unknown>).email);
  }
}
