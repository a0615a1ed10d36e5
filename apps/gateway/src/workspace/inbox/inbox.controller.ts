import { Controller, Get, Query, Req, Res, UseGuards } from '@nestjs/common';
import { Channel, CHANNELS } from '@support/conversation';
import { ValidationError } from '@support/platform';
import type { Request, Response } from 'express';
import type { Account } from '../accounts/account';
import { ConversationStateAdapter } from '../handling/conversation-state.adapter';
import { presentedSessionToken } from '../sessions/session-cookies';
import { SignedInAccount } from '../sessions/signed-in-account';
import { WorkspaceSessionGuard } from '../sessions/workspace-session.guard';
import { InboxFeed } from './inbox-feed.service';
import { InboxItem, toInboxItem } from './inbox-item';

/** Conversations that need a person, oldest wait first; `events` says when to fetch them again. */
@Controller('workspace/api/inbox')
@UseGuards(WorkspaceSessionGuard)
export class InboxController {
  constructor(
    private readonly state: ConversationStateAdapter,
    private readonly feed: InboxFeed,
  ) {}

  @Get()
  async list(
    @SignedInAccount() me: Account,
    @Query('channel') channel?: string,
    @Query('reason') reason?: string,
    @Query('assignee') assignee?: string,
    @Res({ passthrough: true }) res?: Response,
  ): Promise<{ items: InboxItem[]; reasons: string[] }> {
    if (channel && !CHANNELS.includes(channel as Channel)) throw new ValidationError(`Unknown channel "${channel}".`);
    if (assignee && assignee !== 'me' && assignee !== 'nobody') throw new ValidationError('"assignee" is "me" or "nobody".');
    const [rows, reasons] = await Promise.all([
      this.state.inbox({
        channel: (channel || undefined) as Channel | undefined,
        reason: reason || undefined,
        assignedTo: assignee === 'me' ? me.id : undefined,
        unassigned: assignee === 'nobody',
      }),
      this.state.openReasons(),
    ]);
    res?.set('Cache-Control', 'no-store');
    return { items: rows.map(toInboxItem), reasons };
  }

  /** Server-Sent Events: `inbox` {changed: conversation ids, waiting: how many nobody has taken}. */
  @Get('events')
  events(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.feed.open(res, presentedSessionToken(req)!);
  }
}
