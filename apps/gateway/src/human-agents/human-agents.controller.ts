import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { AgentApiGuard } from './agent-api.guard';
import { HumanReplyService } from './human-reply.service';

/** The API people on the support team use: read a conversation, answer on its own channel. */
@Controller('api/agents/conversations')
@UseGuards(AgentApiGuard)
export class HumanAgentsController {
  constructor(private readonly replies: HumanReplyService) {}

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
}
