import { Body, ConflictException, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ConversationStates, IllegalTransitionError } from '@support/conversation';
import { AgentApiGuard } from './agent-api.guard';
import { AGENT_API_ASSIGNEE, HumanReplyService } from './human-reply.service';

/** The API people on the support team use: read a conversation, answer on its own channel. */
@Controller('api/agents/conversations')
@UseGuards(AgentApiGuard)
export class HumanAgentsController {
  constructor(
    private readonly replies: HumanReplyService,
    private readonly states: ConversationStates,
  ) {}

  @Get(':id')
  view(@Param('id') id: string) {
    return this.replies.view(id);
  }

  @Post(':id/messages')
  @HttpCode(201)
  async reply(@Param('id') id: string, @Body() body: unknown) {
    const text = body && typeof body === 'object' ? (body as Record<string, unknown>).text : undefined;
    const message = await this.replies.reply(id, text);
    return { messageId: message.id, conversationId: message.conversationId, channelMessageId: message.channelMessageId, status: 'with_human' };
  }

  /** The API takes a waiting conversation (409 if someone has it already). */
  @Post(':id/claim')
  @HttpCode(200)
  claim(@Param('id') id: string) {
    return this.transition(() => this.states.claim(id, AGENT_API_ASSIGNEE));
  }

  /** Done: the bot answers the customer's next message, from a fresh start. */
  @Post(':id/resolve')
  @HttpCode(200)
  resolve(@Param('id') id: string) {
    return this.transition(() => this.states.resolve(id));
  }

  private async transition(change: () => Promise<{ id: string; status: string; assignee: string | null }>) {
    try {
      const { id, status, assignee } = await change();
      return { conversationId: id, status, assignee };
    } catch (error) {
      if (error instanceof IllegalTransitionError) throw new ConflictException(error.message);
      throw error;
    }
  }
}
