import { Inject, Injectable } from '@nestjs/common';
import { ChannelInbox } from '@support/channels';
import { AgentReply, ConversationRepository, InboundMessage, MessageRepository, ReceivedMessage } from '@support/conversation';
import { APP_CONFIG, LOGGER } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import { TurnDispatcher, replyTimeoutMs } from '../conversations/turn-dispatcher.service';
import { WebChatPush } from './web-chat-push.service';

/** How far back a message a crash left unanswered is still answered, and how often that is looked for. */
const RESUME_WINDOW_MS = 60 * 60_000;
const RESUME_EVERY_MS = 30_000;
/** Beyond the longest wait for the agent, before a message is another gateway's to take up. */
const IN_FLIGHT_MARGIN_MS = 30_000;
const RESUME_BATCH = 20;
/** A message the agent failed on this often (in this process) is left for a person. */
const MAX_ATTEMPTS = 5;

/**
 * The web chat's inbox. The browser's request is the delivery and the reply travels back on it, so the customer
 * sees a message acknowledged only with its answer, and sends it again (same `clientMessageId`) when the request
 * failed. A message whose turn a crash cut off is answered at the next start even if the page is gone: the reply
 * is in the conversation's history, and pushed to the page if it is open.
 */
@Injectable()
export class WebChatInbox implements ChannelInbox<InboundMessage> {
  readonly channels = ['web'] as const;
  readonly resumeEveryMs = RESUME_EVERY_MS;
  private readonly running = new Set<Promise<unknown>>();
  private readonly attempts = new Map<string, number>();
  private readonly inFlightMs: number;
  /** Other gateways may be answering now (REDIS_URL): even at start, only messages older than any turn are taken up. */
  private readonly replicas: boolean;

  constructor(
    private readonly dispatcher: TurnDispatcher,
    private readonly push: WebChatPush,
    private readonly messages: MessageRepository,
    private readonly conversations: ConversationRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.inFlightMs = replyTimeoutMs(config) + IN_FLIGHT_MARGIN_MS;
    this.replicas = Boolean(config.redis.url);
  }

  receive(inbound: InboundMessage): Promise<ReceivedMessage> {
    return this.dispatcher.receive(inbound);
  }

  /** The reply for the request waiting on it; `onDelta` streams it as it is written. */
  reply(received: ReceivedMessage, onDelta?: (text: string) => void): Promise<AgentReply> {
    return this.track(this.dispatcher.answer(received, onDelta));
  }

  /** A reply nobody is waiting on: kept in the history, and shown on the conversation's open page if there is one. */
  async answer(_inbound: InboundMessage | null, received: ReceivedMessage): Promise<void> {
    const reply = await this.reply(received);
    if (reply.text && reply.replyMessageId) await this.push.send(reply.conversationId, { author: 'bot', text: reply.text, messageId: reply.replyMessageId });
  }

  async resume(atStart: boolean): Promise<void> {
    const now = Date.now();
    const stranded = await this.messages.unanswered('web', {
      since: new Date(now - RESUME_WINDOW_MS),
      before: atStart && !this.replicas ? new Date(now) : new Date(now - this.inFlightMs),
      limit: RESUME_BATCH,
    });
    const due = stranded.filter((message) => (this.attempts.get(message.id) ?? 0) < MAX_ATTEMPTS);
    if (!due.length) return;
    this.logger.info({ count: due.length, atStart }, 'answering web chat messages a stopped turn left unanswered');
    for (const message of due) {
      const conversation = await this.conversations.get(message.conversationId);
      if (!conversation) continue;
      await this.answer(null, { conversation, message, duplicate: true }).then(
        () => this.attempts.delete(message.id),
        (error) => {
          const attempts = (this.attempts.get(message.id) ?? 0) + 1;
          this.attempts.set(message.id, attempts);
          this.logger.warn(
            { err: error, conversationId: conversation.id, messageId: message.id, attempts },
            attempts < MAX_ATTEMPTS ? 'web chat message still unanswered; tried again later' : 'web chat message left for a person after repeated failures',
          );
        },
      );
    }
  }

  async settled(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    return work.finally(() => this.running.delete(work));
  }
}
