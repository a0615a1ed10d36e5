import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  Delivery,
  DeliveryPurpose,
  DeliveryRepository,
  OptOutRepository,
  TwilioMessagesClient,
  TwilioSendError,
  formatSmsReply,
  formatWhatsAppReply,
  isDeliveryStatus,
  isRetryableFailure,
  isWhatsAppWindowOpen,
} from '@support/channels';
import { MessageRepository } from '@support/conversation';
import { APP_CONFIG, LOGGER, Metrics } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import { TWILIO_MESSAGES } from './twilio-messaging.tokens';

export interface OutboundRequest {
  channel: 'sms' | 'whatsapp';
  conversationId: string;
  /** The customer's number in E.164 (no `whatsapp:`). */
  toAddress: string;
  /** As the agent or a person wrote it; fitted to the channel here. */
  text: string;
  purpose: DeliveryPurpose;
  /** Set for an answer to one customer message: that message is answered at most once. */
  replyToMessageId?: string;
  /** The number the customer wrote to, used when no sender is configured. */
  replyFrom?: string;
  /** A STOP confirmation still goes out to a number that has just opted out. */
  evenIfOptedOut?: boolean;
}

export type OutboundResult =
  | { outcome: 'sent'; delivery: Delivery; messageSid: string }
  | { outcome: 'already_answered' }
  | { outcome: 'opted_out' }
  | { outcome: 'outside_window' }
  | { outcome: 'failed'; error: TwilioSendError };

/**
 * Every SMS and WhatsApp message leaves through here: opt-outs and the WhatsApp window are
 * honoured, the text is fitted to the channel, each send is a `twilio_deliveries` row, and
 * temporary failures are sent again (the one place that retries).
 */
@Injectable()
export class TwilioOutbox implements OnApplicationShutdown {
  private readonly retryTimers = new Set<NodeJS.Timeout>();

  constructor(
    @Inject(TWILIO_MESSAGES) private readonly twilio: TwilioMessagesClient | null,
    private readonly deliveries: DeliveryRepository,
    private readonly optOuts: OptOutRepository,
    private readonly messages: MessageRepository,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async send(request: OutboundRequest): Promise<OutboundResult> {
    const { channel, conversationId, purpose } = request;
    const log = this.logger.child({ channel, conversationId, purpose });
    if (!request.evenIfOptedOut && (await this.optOuts.isOptedOut(channel, request.toAddress))) {
      this.metrics.channelSuppressed.inc({ channel, reason: 'opted_out' });
      log.info('not sent: the customer opted out (STOP)');
      return { outcome: 'opted_out' };
    }
    if (channel === 'whatsapp' && !(await this.windowOpen(conversationId))) {
      this.metrics.channelSuppressed.inc({ channel, reason: 'outside_window' });
      log.warn("not sent: WhatsApp's 24-hour customer-service window is closed; only an approved template may be sent");
      return { outcome: 'outside_window' };
    }
    const body = channel === 'sms' ? formatSmsReply(request.text, this.config.twilioMessaging.smsMaxSegments) : formatWhatsAppReply(request.text);
    const delivery = await this.deliveries.claim({
      channel,
      conversationId,
      purpose,
      toAddress: request.toAddress,
      body,
      replyToMessageId: request.replyToMessageId,
    });
    if (!delivery) {
      log.info({ replyToMessageId: request.replyToMessageId }, 'not sent again: this message was answered already');
      return { outcome: 'already_answered' };
    }
    return this.transmit(delivery, request.replyFrom);
  }

  /** A failed delivery Twilio reported through a status callback: sent again if the failure is temporary. */
  retryIfTemporary(delivery: Delivery): void {
    if (isRetryableFailure(delivery.errorCode)) this.retryLater(delivery);
  }

  private retryLater(delivery: Delivery): void {
    const { maxAttempts, retryDelayMs } = this.config.twilioMessaging.delivery;
    const log = this.logger.child({ channel: delivery.channel, deliveryId: delivery.id, errorCode: delivery.errorCode, attempt: delivery.attempt });
    if (delivery.attempt >= maxAttempts) {
      log.error('delivery failed; giving up after the last attempt');
      return;
    }
    log.warn({ retryInMs: retryDelayMs }, 'delivery failed temporarily; sending again');
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.resend(delivery).catch((error) => log.error({ err: error }, 'sending again failed'));
    }, retryDelayMs);
    timer.unref();
    this.retryTimers.add(timer);
  }

  onApplicationShutdown(): void {
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
  }

  private async resend(failed: Delivery): Promise<void> {
    const { channel, conversationId } = failed;
    if (await this.optOuts.isOptedOut(channel, failed.toAddress)) return;
    if (channel === 'whatsapp' && !(conversationId && (await this.windowOpen(conversationId)))) {
      this.metrics.channelSuppressed.inc({ channel, reason: 'outside_window' });
      this.logger.warn({ channel, deliveryId: failed.id }, "not sent again: WhatsApp's 24-hour window has closed");
      return;
    }
    const retry = await this.deliveries.claim({
      channel,
      conversationId,
      purpose: failed.purpose,
      toAddress: failed.toAddress,
      body: failed.body,
      attempt: failed.attempt + 1,
      retryOf: failed.id,
    });
    if (retry) await this.transmit(retry);
  }

  private async transmit(delivery: Delivery, replyFrom?: string): Promise<OutboundResult> {
    const { channel } = delivery;
    const log = this.logger.child({ channel, deliveryId: delivery.id, conversationId: delivery.conversationId });
    const sender = this.sender(channel, replyFrom);
    if (!this.twilio || !sender) {
      const reason = !this.twilio ? 'Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)' : `no sender for ${channel} (set TWILIO_MESSAGING_SERVICE_SID or TWILIO_${channel.toUpperCase()}_FROM)`;
      await this.deliveries.markFailed(delivery.id, 'not_sent', null, reason);
      log.error({ reason }, 'message not sent');
      return { outcome: 'failed', error: new TwilioSendError(channel, reason, null, null, false) };
    }
    const prefix = channel === 'whatsapp' ? 'whatsapp:' : '';
    try {
      const created = await this.twilio.create(channel, {
        to: `${prefix}${delivery.toAddress}`,
        ...sender,
        body: delivery.body,
        statusCallback: `${this.config.publicBaseUrl}/twilio/messaging/status`,
      });
      await this.deliveries.markAccepted(delivery.id, created.sid, isDeliveryStatus(created.status) ? created.status : 'queued');
      this.metrics.channelDeliveries.inc({ channel, status: 'accepted' });
      log.info({ messageSid: created.sid, attempt: delivery.attempt }, 'message handed to Twilio');
      return { outcome: 'sent', delivery, messageSid: created.sid };
    } catch (error) {
      if (!(error instanceof TwilioSendError)) throw error;
      await this.deliveries.markFailed(delivery.id, 'failed', error.code, error.message);
      this.metrics.channelDeliveryFailures.inc({ channel, code: String(error.code ?? error.status ?? 'network') });
      log.warn({ errorCode: error.code, httpStatus: error.status, retryable: error.retryable }, 'Twilio refused the message');
      // 21610: the number sent STOP to Twilio; remember it so nothing more is tried.
      if (error.code === 21610) await this.optOuts.optOut(channel, delivery.toAddress, 'twilio_21610');
      if (error.retryable) this.retryLater({ ...delivery, status: 'failed', errorCode: error.code });
      return { outcome: 'failed', error };
    }
  }

  private sender(channel: 'sms' | 'whatsapp', replyFrom?: string): { from: string } | { messagingServiceSid: string } | null {
    const { messagingServiceSid, smsFrom, whatsappFrom } = this.config.twilioMessaging;
    if (messagingServiceSid) return { messagingServiceSid };
    const from = (channel === 'sms' ? smsFrom : whatsappFrom) ?? replyFrom;
    return from ? { from } : null;
  }

  private async windowOpen(conversationId: string): Promise<boolean> {
    const last = await this.messages.lastInboundAt(conversationId);
    return isWhatsAppWindowOpen(last, new Date(), this.config.twilioMessaging.whatsappWindowMarginMs);
  }
}
