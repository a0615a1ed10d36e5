import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { NotFoundError, ValidationError } from '@support/platform';
import type { Account } from '../accounts/account';
import { AdminOnly, SignedInAccount } from '../sessions/signed-in-account';
import { WorkspaceSessionGuard } from '../sessions/workspace-session.guard';
import { SavedReply, SavedReplyRepository } from './saved-reply.repository';

const MAX_TITLE_LENGTH = 80;
const MAX_TEXT_LENGTH = 4000;

/** The team's saved replies: everyone may read them to insert one; admins add and delete them. */
@Controller('workspace/api/saved-replies')
@UseGuards(WorkspaceSessionGuard)
export class SavedRepliesController {
  constructor(private readonly replies: SavedReplyRepository) {}

  @Get()
  list(): Promise<SavedReply[]> {
    return this.replies.list();
  }

  @Post()
  @AdminOnly()
  add(@Body() body: unknown, @SignedInAccount() me: Account): Promise<SavedReply> {
    const { title, text } = (body ?? {}) as Record<string, unknown>;
    if (typeof title !== 'string' || !title.trim() || title.trim().length > MAX_TITLE_LENGTH) {
      throw new ValidationError(`Give the saved reply a title of at most ${MAX_TITLE_LENGTH} characters.`);
    }
    if (typeof text !== 'string' || !text.trim() || text.length > MAX_TEXT_LENGTH) {
      throw new ValidationError(`Write the saved reply's text, at most ${MAX_TEXT_LENGTH} characters.`);
    }
    return this.replies.add(title.trim(), text.trim(), me.id);
  }

  @Delete(':id')
  @AdminOnly()
  @HttpCode(204)
  async delete(@Param('id') id: string): Promise<void> {
    if (!(await this.replies.delete(id))) throw new NotFoundError(`No saved reply ${id}.`);
  }
}
