import { Body, Controller, Put, UseGuards } from '@nestjs/common';
import { ValidationError } from '@support/platform';
import { normalisePhone, PHONE_FORMAT_HINT } from './account';
import type { Account } from './account';
import { AccountRepository } from './account.repository';
import { SignedInAccount } from '../sessions/signed-in-account';
import { WorkspaceSessionGuard } from '../sessions/workspace-session.guard';

/** A person's own phone, the one "Take call" rings. Only they set it: there is no route to set someone else's. */
@Controller('workspace/api/me/phone')
@UseGuards(WorkspaceSessionGuard)
export class MyPhoneController {
  constructor(private readonly accounts: AccountRepository) {}

  /** `{"phone": "+14155550100"}`; an empty or null phone removes it. */
  @Put()
  async set(@SignedInAccount() me: Account, @Body() body: unknown): Promise<Account> {
    const given = body && typeof body === 'object' ? (body as Record<string, unknown>).phone : undefined;
    if (given === undefined) throw new ValidationError(`Send {"phone": "+14155550100"}. ${PHONE_FORMAT_HINT}`);
    const phone = given === null || given === '' ? null : normalisePhone(given);
    if (phone === null && given !== null && given !== '') throw new ValidationError(PHONE_FORMAT_HINT);
    return (await this.accounts.setPhone(me.id, phone))!;
  }
}
