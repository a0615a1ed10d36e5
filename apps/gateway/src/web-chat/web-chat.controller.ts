import { Body, Controller, Get, HttpCode, Inject, Ip, Param, Post, Req, Res } from '@nestjs/common';
import { SSE_HEADERS, sseEvent, toInboundMessage } from '@support/channels';
import { AgentReply, ConversationIntake, InboundMessage, MessageRepository } from '@support/conversation';
import { APP_CONFIG, LOGGER, RateLimiter, RateLimiters, newId } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import type { Request, Response } from 'express';
import { describeError } from '../errors/error-response';
import { assertJsonRequest } from './json-content-type';
import { ChatHistory, toChatHistory } from './web-chat-history';
import { WebChatPush } from './web-chat-push.service';
import { WebChatInbox } from './web-chat.inbox';
import { presentedSessionToken, setSessionCookie } from './web-chat-session';

export interface ChatResponse {
  conversationId: string;
  reply: string;
  handoff: null | { reason: string; summary: string };
  /** `person` while a person is awaited or has the conversation: an empty `reply` then means the bot sent nothing and the person will answer. */
  waitingFor: 'person' | null;
  /** Only on the reply that started the conversation: send it back as `X-Chat-Session` to continue it. */
  sessionToken?: string;
}

/**
 * The web chat API: `POST /api/chat` for scripts and integrations, `POST /api/chat/stream` (SSE) for
 * the page. A conversation belongs to the session that started it: continuing it, reading its
 * history or its events takes the session token (cookie `chat_session` or header `X-Chat-Session`).
 */
@Controller('api/chat')
export class WebChatController {
  /** Per conversation, or per client address for a new one; shared by every gateway with REDIS_URL. */
  private readonly limiter: RateLimiter;

  constructor(
    private readonly inbox: WebChatInbox,
    private readonly push: WebChatPush,
    private readonly intake: ConversationIntake,
    private readonly messages: MessageRepository,
    limiters: RateLimiters,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.limiter = limiters.limiter({ name: 'web-chat', limit: config.chat.rateLimitPerMinute, windowMs: 60_000 });
  }

  @Post()
  @HttpCode(200)
  async chat(@Body() body: unknown, @Ip() ip: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ChatResponse> {
    const inbound = await this.accept(body, ip, req);
    const reply = toChatResponse(await this.inbox.reply(await this.inbox.receive(inbound)));
    if (inbound.conversationId) return reply;
    setSessionCookie(req, res, inbound.sessionToken!);
    return { ...reply, sessionToken: inbound.sessionToken };
  }

  /** Server-Sent Events of messages a person sends to this conversation (`message` {author, text, messageId}). */
  @Get(':conversationId/events')
  async events(@Param('conversationId') conversationId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const conversation = await this.intake.conversationFor(conversationId, 'web', presentedSessionToken(req));
    await this.push.open(conversation.id, res);
  }

  /** What the customer sees of the conversation, in order: their messages, the bot's and people's replies. */
  @Get(':conversationId/messages')
  async history(@Param('conversationId') conversationId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<ChatHistory> {
    const conversation = await this.intake.conversationFor(conversationId, 'web', presentedSessionToken(req));
    res.set('Cache-Control', 'no-store');
    return toChatHistory(conversation.id, await this.messages.list(conversation.id));
  }

  @Post('stream')
  async stream(@Body() body: unknown, @Ip() ip: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    // Bad input, a conversation that is not this session's and rate limits answer as plain JSON errors, before the stream opens.
    const inbound = await this.accept(body, ip, req);
    let opened = false;
    const open = () => {
      if (opened) return;
      opened = true;
      if (!inbound.conversationId) setSessionCookie(req, res, inbound.sessionToken!);
      res.status(200).set({ ...SSE_HEADERS, Connection: 'keep-alive' });
      res.flushHeaders();
    };
    try {
      const received = await this.inbox.receive(inbound);
      open();
      res.write(sseEvent('conversation', { conversationId: received.conversation.id }));
      const reply = await this.inbox.reply(received, (text) => res.write(sseEvent('delta', { text })));
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

  /** Reads the message; one that continues a conversation must come from the session that started it. */
  private async accept(body: unknown, ip: string, req: Request): Promise<InboundMessage> {
    assertJsonRequest(req);
    const inbound = { ...toInboundMessage(body, presentedSessionToken(req)), clientAddress: ip };
    if (inbound.conversationId) await this.intake.conversationFor(inbound.conversationId, 'web', inbound.sessionToken);
    await this.limiter.take(inbound.conversationId ?? ip);
    return inbound;
  }
}

function toChatResponse(reply: AgentReply): ChatResponse {
  const handoff = reply.handoff && { reason: reply.handoff.reason, summary: reply.handoff.summary };
  return { conversationId: reply.conversationId, reply: reply.text, handoff, waitingFor: reply.waitingFor ?? null };
}
