import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import type { Account } from '../accounts/account';
import { Copilot } from '../copilot/copilot.service';
import { ReplyDraft } from '../copilot/reply-drafter';
import { SignedInAccount } from '../sessions/signed-in-account';
import { WorkspaceSessionGuard } from '../sessions/workspace-session.guard';
import { ConversationHandling } from './conversation-handling.service';
import { ConversationView } from './conversation-view';
import { ConversationViewService } from './conversation-view.service';

/** One handed-off conversation: read it, take it, answer, note, hand over, resolve. */
@Controller('workspace/api/conversations/:id')
@UseGuards(WorkspaceSessionGuard)
export class ConversationsController {
  constructor(
    private readonly views: ConversationViewService,
    private readonly handling: ConversationHandling,
    private readonly copilot: Copilot,
  ) {}

  @Get()
  view(@Param('id') id: string): Promise<ConversationView> {
    return this.views.view(id);
  }

  @Post('claim')
  @HttpCode(204)
  async claim(@Param('id') id: string, @SignedInAccount() me: Account): Promise<void> {
    await this.handling.claim(id, me);
  }

  @Post('reassign')
  @HttpCode(204)
  reassign(@Param('id') id: string, @SignedInAccount() me: Account, @Body() body: unknown): Promise<void> {
    return this.handling.reassign(id, me, field(body, 'accountId'));
  }

  @Post('unassign')
  @HttpCode(204)
  unassign(@Param('id') id: string, @SignedInAccount() me: Account): Promise<void> {
    return this.handling.unassign(id, me);
  }

  @Post('resolve')
  @HttpCode(204)
  resolve(@Param('id') id: string, @SignedInAccount() me: Account): Promise<void> {
    return this.handling.resolve(id, me);
  }

  /** Sent on the customer's own channel. */
  @Post('replies')
  async reply(@Param('id') id: string, @SignedInAccount() me: Account, @Body() body: unknown): Promise<{ messageId: string }> {
    const message = await this.handling.reply(id, me, field(body, 'text'));
    return { messageId: message.id };
  }

  /** For the team only; never sent. */
  @Post('notes')
  @HttpCode(204)
  note(@Param('id') id: string, @SignedInAccount() me: Account, @Body() body: unknown): Promise<void> {
    return this.handling.note(id, me, field(body, 'text'));
  }

  /** A draft for the reply box; sending it takes the person's click. */
  @Post('draft')
  @HttpCode(200)
  draft(@Param('id') id: string): Promise<ReplyDraft> {
    return this.copilot.draft(id);
  }
}

function field(body: unknown, name: string): unknown {
  return body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
}
