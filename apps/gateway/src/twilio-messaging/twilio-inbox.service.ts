import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { OptOutRepository, TwilioInbound, toTwilioInboundMessage } from '@support/channels';
import { ConversationIntake, MessageRepository, ReceivedMessage } from '@support/conversation';
import { APP_CONFIG, LOGGER, Metrics, RateLimitedError, SlidingWindowRateLimiter } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import { TurnDispatcher } from '../conversations/turn-dispatcher.service';
import { CUSTOMER_NOTICES } from './customer-notices';
import { OutboundRequest, TwilioOutbox } from './twilio-outbox.service';
import { UnansweredReason, UnansweredTurnRecorder } from './unanswered-turn.recorder';

/**
 * What happens to an inbound SMS or WhatsApp message after the webhook has been acknowledged:
 * carrier keywords, opt-outs, the per-sender rate limit, media, then the agent's answer, sent
 * once through the outbox.
 */
@Injectable()
export class TwilioInbox implements BeforeApplicationShutdown {
  private readonly running = new Set<Promise<void>>();
  private readonly limiter: SlidingWindowRateLimiter;
  /** Senders told about the rate limit, until when: one notice per window, not one per message. */
  private readonly noticeUntil = new Map<string, number>();

  constructor(
    private readonly dispatcher: TurnDispatcher,
    private readonly intake: ConversationIntake,
    private readonly messages: MessageRepository,
    private readonly optOuts: OptOutRepository,
    private readonly outbox: TwilioOutbox,
    private readonly unanswered: UnansweredTurnRecorder,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    const { rateLimit } = config.twilioMessaging;
    this.limiter = new SlidingWindowRateLimiter(rateLimit.messages, rateLimit.windowMs);
  }

  /** Handles the message after the webhook has been answered; failures are logged, Twilio is not asked to retry. */
  accept(inbound: TwilioInbound): void {
    const work = this.handle(inbound)
      .catch((error) => this.logger.error({ err: error, channel: inbound.channel, messageSid: inbound.messageSid }, 'inbound message not handled'))
      .finally(() => this.running.delete(work));
    this.running.add(work);
  }

  /** Resolves once every message accepted so far has been handled (answered, or not). */
  async settled(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  /** Lets messages in flight be answered before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  async handle(inbound: TwilioInbound): Promise<void> {
    if (inbound.keyword === 'stop') return this.stop(inbound);
    const optedOut = await this.optOuts.isOptedOut(inbound.channel, inbound.from);
    // START/YES/UNSTOP opt back in; from someone who never opted out, "yes" is just an answer for the agent.
    if (inbound.keyword === 'start' && optedOut) return this.start(inbound);
    if (optedOut) {
      await this.storeUnanswered(inbound, 'opted_out');
      this.logger.info({ channel: inbound.channel, messageSid: inbound.messageSid }, 'message from an opted-out number stored, not answered');
      return;
    }
    if (inbound.keyword === 'help') return this.help(inbound);

    const redelivery = !!(await this.messages.findByChannelMessageId(inbound.channel, inbound.messageSid));
    if (!redelivery && this.overLimit(inbound.from)) return this.rateLimited(inbound);
    if (!inbound.body.trim()) return this.mediaOnly(inbound);

    const reply = await this.dispatcher.dispatch(toTwilioInboundMessage(inbound));
    // Empty: a person has the conversation, and the message waits for them.
    if (!reply.text) return;
    const text = inbound.media.length ? `${CUSTOMER_NOTICES.mediaWithText}\n\n${reply.text}` : reply.text;
    await this.outbox.send(this.answer(inbound, reply.conversationId, reply.messageId, text, 'reply'));
  }

  private async stop(inbound: TwilioInbound): Promise<void> {
    await this.optOuts.optOut(inbound.channel, inbound.from, inbound.body.trim().toUpperCase() || 'STOP');
    const received = await this.storeUnanswered(inbound, 'keyword');
    this.logger.info({ channel: inbound.channel, messageSid: inbound.messageSid }, 'customer opted out; nothing more will be sent');
    // On SMS Twilio itself confirms STOP (and blocks later sends with 21610); WhatsApp has no such filter.
    if (inbound.channel === 'whatsapp' && !received.duplicate) {
      await this.say({ ...this.answer(inbound, received.conversation.id, received.message.id, CUSTOMER_NOTICES.whatsappStopped, 'keyword'), evenIfOptedOut: true });
    }
  }

  private async start(inbound: TwilioInbound): Promise<void> {
    await this.optOuts.optIn(inbound.channel, inbound.from);
    const received = await this.storeUnanswered(inbound, 'keyword');
    this.logger.info({ channel: inbound.channel, messageSid: inbound.messageSid }, 'customer opted in again');
    if (inbound.channel === 'whatsapp' && !received.duplicate) {
      await this.say(this.answer(inbound, received.conversation.id, received.message.id, CUSTOMER_NOTICES.whatsappStarted, 'keyword'));
    }
  }

  private async help(inbound: TwilioInbound): Promise<void> {
    const received = await this.storeUnanswered(inbound, 'keyword');
    await this.say(this.answer(inbound, received.conversation.id, received.message.id, this.config.twilioMessaging.helpText, 'keyword'));
  }

  private async rateLimited(inbound: TwilioInbound): Promise<void> {
    const received = await this.storeUnanswered(inbound, 'rate_limited');
    this.logger.warn({ channel: inbound.channel, messageSid: inbound.messageSid }, 'sender over the rate limit; message stored, not answered');
    const now = Date.now();
    if (received.duplicate || (this.noticeUntil.get(inbound.from) ?? 0) > now) return;
    this.noticeUntil.set(inbound.from, now + this.config.twilioMessaging.rateLimit.windowMs);
    await this.say(this.answer(inbound, received.conversation.id, received.message.id, CUSTOMER_NOTICES.rateLimited, 'notice'));
  }

  private async mediaOnly(inbound: TwilioInbound): Promise<void> {
    const received = await this.storeUnanswered(inbound, 'media_only');
    if (!received.duplicate) {
      await this.say(this.answer(inbound, received.conversation.id, received.message.id, CUSTOMER_NOTICES.mediaOnly, 'media'));
    }
  }

  /** Stores the message in its conversation (media links included) and records that the agent is not to answer it. */
  private async storeUnanswered(inbound: TwilioInbound, reason: UnansweredReason): Promise<ReceivedMessage> {
    const received = await this.intake.receive(toTwilioInboundMessage(inbound));
    this.metrics.messages.inc({ channel: inbound.channel, direction: 'in' });
    if (received.duplicate) {
      this.metrics.duplicates.inc({ channel: inbound.channel });
      return received;
    }
    await this.unanswered.record(received, reason);
    this.metrics.channelSuppressed.inc({ channel: inbound.channel, reason });
    return received;
  }

  /** Sends what the channel itself says and keeps it in the conversation, so a person sees it too. */
  private async say(request: OutboundRequest): Promise<void> {
    const result = await this.outbox.send(request);
    if (result.outcome !== 'sent') return;
    await this.messages.insert({
      conversationId: request.conversationId,
      channel: request.channel,
      direction: 'outbound',
      author: 'system',
      text: result.delivery.body,
      channelMessageId: result.messageSid,
    });
  }

  private overLimit(sender: string): boolean {
    try {
      this.limiter.take(sender);
      return false;
    } catch (error) {
      if (error instanceof RateLimitedError) return true;
      throw error;
    }
  }

  private answer(inbound: TwilioInbound, conversationId: string, messageId: string, text: string, purpose: OutboundRequest['purpose']): OutboundRequest {
    return { channel: inbound.channel, conversationId, toAddress: inbound.from, text, purpose, replyToMessageId: messageId, replyFrom: inbound.to };
  }
}
