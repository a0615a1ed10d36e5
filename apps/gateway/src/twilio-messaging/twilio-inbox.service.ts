import { Inject, Injectable } from '@nestjs/common';
import { ChannelInbox, OptOutRepository, TwilioInbound, TwilioInboxRepository, toTwilioInboundMessage } from '@support/channels';
import { ConversationIntake, MessageRepository, ReceivedMessage } from '@support/conversation';
import { APP_CONFIG, LOGGER, Metrics, RateLimitedError, RateLimiter, RateLimiters } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import { TurnDispatcher, replyTimeoutMs } from '../conversations/turn-dispatcher.service';
import { CUSTOMER_NOTICES } from './customer-notices';
import { NoticeThrottle } from './notice-throttle';
import { OutboundRequest, TwilioOutbox } from './twilio-outbox.service';
import { UnansweredReason, UnansweredTurnRecorder } from './unanswered-turn.recorder';

/** Beyond the longest wait for the agent, before another process may take over a message. */
const LEASE_MARGIN_MS = 30_000;
/** Messages taken per round (at start, all a dead process left, up to a limit), and handled at once: a backlog is worked off, not stampeded. */
const RESUME_BATCH = 20;
const RESUME_AT_START = 1000;
const RESUME_CONCURRENCY = 4;
/** A message the agent failed on this often is left for a person (it stays in its conversation). */
const MAX_ATTEMPTS = 5;

/**
 * An inbound SMS or WhatsApp message: stored before the webhook is acknowledged, then dealt with
 * in the background (carrier keywords, opt-outs, the per-sender rate limit, media, the agent's
 * answer sent once through the outbox). Every step can run again after a crash or a redelivery
 * without answering twice: the agent answers a message from its stored turn, the outbox sends
 * one answer per customer message.
 */
@Injectable()
export class TwilioInbox implements ChannelInbox<TwilioInbound> {
  readonly channels = ['sms', 'whatsapp'] as const;
  private readonly running = new Map<string, Promise<void>>();
  private readonly limiter: RateLimiter;
  readonly leaseMs: number;
  readonly resumeEveryMs: number;

  constructor(
    private readonly dispatcher: TurnDispatcher,
    private readonly intake: ConversationIntake,
    private readonly inbox: TwilioInboxRepository,
    private readonly messages: MessageRepository,
    private readonly optOuts: OptOutRepository,
    private readonly outbox: TwilioOutbox,
    private readonly unanswered: UnansweredTurnRecorder,
    /** Senders told about the rate limit: one notice per window, not one per message, whichever gateway took it. */
    private readonly notices: NoticeThrottle,
    private readonly metrics: Metrics,
    /** Per sender, shared by every gateway with REDIS_URL. */
    limiters: RateLimiters,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    const { rateLimit } = config.twilioMessaging;
    this.limiter = limiters.limiter({ name: 'twilio-sender', limit: rateLimit.messages, windowMs: rateLimit.windowMs });
    this.leaseMs = replyTimeoutMs(config) + LEASE_MARGIN_MS;
    this.resumeEveryMs = config.twilioMessaging.recovery.intervalMs;
  }

  /**
   * Keeps the webhook until it is dealt with, then stores the message in its conversation; resolves once both
   * are in the database. The webhook first: a crash between the two leaves it for the resumer, which stores it.
   */
  async receive(inbound: TwilioInbound): Promise<ReceivedMessage> {
    await this.inbox.record(inbound, this.leaseMs);
    const received = await this.intake.receive(toTwilioInboundMessage(inbound));
    this.metrics.messages.inc({ channel: inbound.channel, direction: 'in' });
    if (received.duplicate) this.metrics.duplicates.inc({ channel: inbound.channel });
    return received;
  }

  /** Deals with a stored message after the webhook has been answered; a failure leaves it for the next sweep. */
  answer(inbound: TwilioInbound, received: ReceivedMessage): Promise<void> {
    return this.track(inbound, received);
  }

  /**
   * Stored messages that were acknowledged but never dealt with (the process died, the agent failed), as far back
   * as `recovery.resumeWindowMs`: at start all of them (their leases belong to a process that is gone; a live one
   * elsewhere may answer too, still once), later those whose lease has expired.
   */
  async resume(atStart: boolean): Promise<void> {
    let ignoreLeases = atStart;
    // A message that failed just now is released for a later round, not retried at once in this one.
    const tried = new Set<string>();
    for (;;) {
      const taken = await this.inbox.takeUnhandled({
        since: new Date(Date.now() - this.config.twilioMessaging.recovery.resumeWindowMs),
        maxAttempts: MAX_ATTEMPTS,
        leaseMs: this.leaseMs,
        limit: ignoreLeases ? RESUME_AT_START : RESUME_BATCH,
        ignoreLeases,
      });
      const entries = taken.filter((entry) => !tried.has(entry.inbound.messageSid));
      if (!entries.length) return;
      for (const entry of entries) tried.add(entry.inbound.messageSid);
      this.logger.info({ count: entries.length, atStart }, 'resuming acknowledged messages that were not dealt with');
      for (let i = 0; i < entries.length; i += RESUME_CONCURRENCY) {
        await Promise.all(entries.slice(i, i + RESUME_CONCURRENCY).map((entry) => this.resumeOne(entry.inbound)));
      }
      // What was taken now holds a fresh lease: the next round takes only the rest.
      ignoreLeases = false;
    }
  }

  /** Resolves once every message accepted so far has been handled (answered, or not). */
  async settled(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
  }

  /** Skipped if this process is on it already. */
  private async resumeOne(inbound: TwilioInbound): Promise<void> {
    if (this.running.has(inbound.messageSid)) return;
    const received = await this.intake.receive(toTwilioInboundMessage(inbound));
    await this.track(inbound, received);
  }

  private track(inbound: TwilioInbound, received: ReceivedMessage): Promise<void> {
    const { messageSid, channel } = inbound;
    const work = this.handle(inbound, received)
      .then(() => this.inbox.markHandled(messageSid))
      .catch(async (error) => {
        this.logger.error({ err: error, channel, messageSid }, 'inbound message not handled yet; it is tried again later');
        await this.inbox.release(messageSid, String(error?.message ?? error)).catch(() => undefined);
      })
      .finally(() => this.running.delete(messageSid));
    this.running.set(messageSid, work);
    return work;
  }

  private async handle(inbound: TwilioInbound, received: ReceivedMessage): Promise<void> {
    if (inbound.keyword === 'stop') return this.stop(inbound, received);
    const optedOut = await this.optOuts.isOptedOut(inbound.channel, inbound.from);
    // START/YES/UNSTOP opt back in; from someone who never opted out, "yes" is just an answer for the agent.
    if (inbound.keyword === 'start' && optedOut) return this.start(inbound, received);
    if (optedOut) {
      await this.recordUnanswered(inbound, received, 'opted_out');
      this.logger.info({ channel: inbound.channel, messageSid: inbound.messageSid }, 'message from an opted-out number stored, not answered');
      return;
    }
    if (inbound.keyword === 'help') return this.help(inbound, received);
    // A redelivery (or a resume) is not counted again: it was counted the first time.
    if (!received.duplicate && (await this.overLimit(inbound.from))) return this.rateLimited(inbound, received);
    if (!inbound.body.trim()) return this.mediaOnly(inbound, received);

    const reply = await this.dispatcher.answer(received);
    // Empty: a person has the conversation, and the message waits for them.
    if (!reply.text) return;
    const text = inbound.media.length ? `${CUSTOMER_NOTICES.mediaWithText}\n\n${reply.text}` : reply.text;
    await this.outbox.send(this.outbound(inbound, reply.conversationId, reply.messageId, text, 'reply'));
  }

  private async stop(inbound: TwilioInbound, received: ReceivedMessage): Promise<void> {
    await this.optOuts.optOut(inbound.channel, inbound.from, inbound.body.trim().toUpperCase() || 'STOP');
    await this.recordUnanswered(inbound, received, 'keyword');
    this.logger.info({ channel: inbound.channel, messageSid: inbound.messageSid }, 'customer opted out; nothing more will be sent');
    // On SMS Twilio itself confirms STOP (and blocks later sends with 21610); WhatsApp has no such filter.
    if (inbound.channel === 'whatsapp') {
      await this.say({
        ...this.outbound(inbound, received.conversation.id, received.message.id, CUSTOMER_NOTICES.whatsappStopped, 'keyword'),
        evenIfOptedOut: true,
      });
    }
  }

  private async start(inbound: TwilioInbound, received: ReceivedMessage): Promise<void> {
    await this.optOuts.optIn(inbound.channel, inbound.from);
    await this.recordUnanswered(inbound, received, 'keyword');
    this.logger.info({ channel: inbound.channel, messageSid: inbound.messageSid }, 'customer opted in again');
    if (inbound.channel === 'whatsapp') {
      await this.say(this.outbound(inbound, received.conversation.id, received.message.id, CUSTOMER_NOTICES.whatsappStarted, 'keyword'));
    }
  }

  private async help(inbound: TwilioInbound, received: ReceivedMessage): Promise<void> {
    await this.recordUnanswered(inbound, received, 'keyword');
    await this.say(this.outbound(inbound, received.conversation.id, received.message.id, this.config.twilioMessaging.helpText, 'keyword'));
  }

  private async rateLimited(inbound: TwilioInbound, received: ReceivedMessage): Promise<void> {
    await this.recordUnanswered(inbound, received, 'rate_limited');
    this.logger.warn({ channel: inbound.channel, messageSid: inbound.messageSid }, 'sender over the rate limit; message stored, not answered');
    const recipient = { channel: inbound.channel, address: inbound.from, notice: 'rate_limited' };
    if (!(await this.notices.claim(recipient, this.config.twilioMessaging.rateLimit.windowMs))) return;
    await this.say(this.outbound(inbound, received.conversation.id, received.message.id, CUSTOMER_NOTICES.rateLimited, 'notice'));
  }

  private async mediaOnly(inbound: TwilioInbound, received: ReceivedMessage): Promise<void> {
    await this.recordUnanswered(inbound, received, 'media_only');
    await this.say(this.outbound(inbound, received.conversation.id, received.message.id, CUSTOMER_NOTICES.mediaOnly, 'media'));
  }

  /** Records that the agent is not to answer this message (once, however often it is handled). */
  private async recordUnanswered(inbound: TwilioInbound, received: ReceivedMessage, reason: UnansweredReason): Promise<void> {
    if (await this.unanswered.record(received, reason)) this.metrics.channelSuppressed.inc({ channel: inbound.channel, reason });
  }

  /** Sends what the channel itself says and keeps it in the conversation, so a person sees it too. */
  private async say(request: OutboundRequest): Promise<void> {
    const result = await this.outbox.send(request);
    if (result.outcome !== 'sent' && result.outcome !== 'unknown') return;
    await this.messages.insert({
      conversationId: request.conversationId,
      channel: request.channel,
      direction: 'outbound',
      author: 'system',
      text: result.delivery.body,
      channelMessageId: result.outcome === 'sent' ? result.messageSid : null,
    });
  }

  private async overLimit(sender: string): Promise<boolean> {
    try {
      await this.limiter.take(sender);
      return false;
    } catch (error) {
      if (error instanceof RateLimitedError) return true;
      throw error;
    }
  }

  private outbound(inbound: TwilioInbound, conversationId: string, messageId: string, text: string, purpose: OutboundRequest['purpose']): OutboundRequest {
    return { channel: inbound.channel, conversationId, toAddress: inbound.from, text, purpose, replyToMessageId: messageId, replyFrom: inbound.to };
  }
}
