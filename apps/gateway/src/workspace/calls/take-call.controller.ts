import { Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import type { Account } from '../accounts/account';
import { SignedInAccount } from '../sessions/signed-in-account';
import { WorkspaceSessionGuard } from '../sessions/workspace-session.guard';
import { TakeCall } from './take-call.service';

/** A call waiting in the Twilio queue, taken on the signed-in person's own phone. */
@Controller('workspace/api/conversations/:id/take-call')
@UseGuards(WorkspaceSessionGuard)
export class TakeCallController {
  constructor(private readonly calls: TakeCall) {}

  /** 202: their phone is ringing; when they answer they hear the summary, then the caller. */
  @Post()
  @HttpCode(202)
  take(@Param('id') id: string, @SignedInAccount() me: Account): Promise<{ agentCallSid: string; phone: string }> {
    return this.calls.take(id, me);
  }
}
