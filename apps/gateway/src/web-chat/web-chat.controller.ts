import { Body, Controller, Get, HttpCode, Inject, Ip, Param, Post, Res } from '@nestjs/common';
import { SSE_HEADERS, sseEvent, toInboundMessage } from '@support/channels';
import { AgentReply, ConversationRepository } from '@support/conversation';
import { APP_CONFIG, LOGGER, NotFoundError, SlidingWindowRateLimiter, newId } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import type { Response } from 'express';
import { TurnDispatcher } from '../conversations/turn-dispatcher.service';
import { describeError } from '../errors/error-response';
import { WebChatPush } from './web-chat-push.service';

export interface ChatResponse {
  conversationId: string;
  reply: string;
  handoff: null | { reason: string; summary: string };
}

/** The web chat API: `POST /api/chat` for scripts and integrations, `POST /api/chat/stream` (SSE) for the page. */
@Controller('api/chat')
export class WebChatController {
  private readonly limiter: SlidingWindowRateLimiter;

  constructor(
    private readonly dispatcher: TurnDispatcher,
    private readonly push: WebChatPush,
    private readonly conversations: ConversationRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.limiter = new SlidingWindowRateLimiter(config.chat.rateLimitPerMinute, 60_000);
  }

  @Post()
  @HttpCode(200)
  async chat(@Body() body: unknown, @Ip() ip: string): Promise<ChatResponse> {
    const inbound = toInboundMessage(body);
    this.limiter.take(inbound.conversationId ?? ip);
    return toChatResponse(await this.dispatcher.dispatch(inbound));
  }

  /** Server-Sent Events of messages a person sends to this conversation (`message` {author, text, messageId}). */
  @Get(':conversationId/events')
  async events(@Param('conversationId') conversationId: string, @Res() res: Response): Promise<void> {
    const conversation = /^conv_[a-f0-9]{32}$/.test(conversationId) ? await this.conversations.get(conversationId) : null;
    if (!conversation || conversation.channel !== 'web') throw new NotFoundError(`No web conversation ${conversationId}.`);
    await this.push.open(conversation.id, res);
  }

  @Post('stream')
  async stream(@Body() body: unknown, @Ip() ip: string, @Res() res: Response): Promise<void> {
    // Bad input and rate limits answer as plain JSON errors, before the stream opens.
    const inbound = toInboundMessage(body);
    this.limiter.take(inbound.conversationId ?? ip);
    let opened = false;
    const open = () => {
      if (opened) return;
      opened = true;
      res.status(200).set({ ...SSE_HEADERS, Connection: 'keep-alive' });
      res.flushHeaders();
    };
    try {
      const reply = await this.dispatcher.dispatch(inbound, {
        onStored: ({ conversation }) => {
          open();
          res.write(sseEvent('conversation', { conversationId: conversation.id }));
        },
        onDelta: (text) => res.write(sseEvent('delta', { text })),
      });
      res.write(sseEvent('reply', toChatResponse(reply)));
    } catch (error) {
      if (!opened) throw error;
      const errorId = newId('err');
      const { message } = describeError(error);
      this.logger.error({ errorId, err: error }, 'web chat stream failed');
      res.write(sseEvent('error', { message, errorId }));
    }
    res.end();
  }
}

function toChatResponse(reply: AgentReply): ChatResponse {
  return { conversationId: reply.conversationId, reply: reply.text, handoff: reply.handoff };
}
