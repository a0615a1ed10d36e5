import { Inject, Injectable } from '@nestjs/common';
import {
  Delivery,
  DeliveryPurpose,
  DeliveryRepository,
  OptOutRepository,
  TwilioMessagesClient,
  TwilioSendError,
  formatSmsReply,
  formatWhatsAppReply,
  isRetryableFailure,
  isTwilioMessageStatus,
  isWhatsAppWindowOpen,
  TemplateContent,
} from '@support/channels';
import { MessageRepository } from '@support/conversation';
import { APP_CONFIG, LOGGER, Metrics } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import { TWILIO_MESSAGES } from './twilio-messaging.tokens';
import { templateSetting, whatsAppTemplateFor } from './whatsapp-template';

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
  /** The request went out and no answer came back: looked up at Twilio, never sent again blindly. */
  | { outcome: 'unknown'; delivery: Delivery }
  | { outcome: 'already_answered' }
  | { outcome: 'opted_out' }
  | { outcome: 'outside_window' }
  | { outcome: 'failed'; error: TwilioSendError };

/** How long the one who created a send has it to itself before the outbox poller may send it instead. */
const CREATOR_HEAD_START_MS = 30_000;
/** Beyond the REST timeout, before a send in flight counts as interrupted. */
const LEASE_MARGIN_MS = 10_000;

/**
 * Every SMS and WhatsApp message leaves through here: opt-outs and the WhatsApp window are
 * honoured, the text is fitted to the channel, and each attempt is a `twilio_deliveries` row
 * before Twilio is asked. A refused send that may succeed later gets a new pending row, due
 * later; a send whose outcome is unknown is left to the reconciler.
 */
@Injectable()
export class TwilioOutbox {
  private readonly leaseMs: number;

  constructor(
    @Inject(TWILIO_MESSAGES) private readonly twilio: TwilioMessagesClient | null,
    private readonly deliveries: DeliveryRepository,
    private readonly optOuts: OptOutRepository,
    private readonly messages: MessageRepository,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.leaseMs = config.providers.twilio.timeoutMs + LEASE_MARGIN_MS;
  }

  async send(request: OutboundRequest): Promise<OutboundResult> {
    const { channel, conversationId, purpose } = request;
    const log = this.logger.child({ channel, conversationId, purpose });
    if (!request.evenIfOptedOut && (await this.optOuts.isOptedOut(channel, request.toAddress))) {
      this.metrics.channelSuppressed.inc({ channel, reason: 'opted_out' });
      log.info('not sent: the customer opted out (STOP)');
      return { outcome: 'opted_out' };
    }
    const body = channel === 'sms' ? formatSmsReply(request.text, this.config.twilioMessaging.smsMaxSegments) : formatWhatsAppReply(request.text);
    const template = channel === 'whatsapp' && !(await this.windowOpen(conversationId)) ? whatsAppTemplateFor(purpose, body, this.templates) : undefined;
    if (template === null) {
      this.metrics.channelSuppressed.inc({ channel, reason: 'outside_window' });
      log.warn(
        { setting: templateSetting(request) },
        "not sent: WhatsApp's 24-hour customer-service window is closed and no approved template is configured for this purpose",
      );
      return { outcome: 'outside_window' };
    }
    const { delivery, created } = await this.deliveries.claim(
      {
        channel,
        conversationId,
        purpose,
        toAddress: request.toAddress,
        sender: this.sender(channel, request.replyFrom),
        body,
        replyToMessageId: request.replyToMessageId,
      },
      CREATOR_HEAD_START_MS,
    );
    // A redelivered message whose answer was stored but never sent (the process died first) is sent now, once.
    if (!created && delivery.status !== 'pending') {
      log.info(
        { replyToMessageId: request.replyToMessageId, deliveryId: delivery.id, status: delivery.status },
        'not sent again: this message was answered already',
      );
      return { outcome: 'already_answered' };
    }
    return this.transmit(delivery, { ignoreDue: true, template });
  }

  /** A pending send the poller found due (a retry, or one whose creator died): checked again, then sent. */
  async resume(delivery: Delivery): Promise<OutboundResult> {
    const { channel, conversationId } = delivery;
    if (await this.optOuts.isOptedOut(channel, delivery.toAddress)) {
      await this.deliveries.close(delivery.id, ['pending'], { status: 'not_sent', errorCode: null, errorMessage: 'the customer opted out (STOP)' }, null);
      return { outcome: 'opted_out' };
    }
    const template =
      channel === 'whatsapp' && !(conversationId && (await this.windowOpen(conversationId)))
        ? whatsAppTemplateFor(delivery.purpose, delivery.body, this.templates)
        : undefined;
    if (template === null) {
      this.metrics.channelSuppressed.inc({ channel, reason: 'outside_window' });
      await this.deliveries.close(
        delivery.id,
        ['pending'],
        { status: 'not_sent', errorCode: null, errorMessage: "WhatsApp's 24-hour window has closed" },
        null,
      );
      this.logger.warn(
        { channel, deliveryId: delivery.id, setting: templateSetting(delivery) },
        "not sent: WhatsApp's 24-hour window has closed and no approved template is configured for this purpose",
      );
      return { outcome: 'outside_window' };
    }
    return this.transmit(delivery, { ignoreDue: false, template });
  }

  /** A failure Twilio reported later (status callback): a new attempt, due after the retry delay, if the failure is temporary. */
  async retryIfTemporary(delivery: Delivery): Promise<void> {
    if (!isRetryableFailure(delivery.errorCode)) return;
    const retry = this.nextAttempt(delivery);
    const log = this.logger.child({ channel: delivery.channel, deliveryId: delivery.id, errorCode: delivery.errorCode, attempt: delivery.attempt });
    if (!retry) return log.error('delivery failed; giving up after the last attempt');
    const scheduled = await this.deliveries.scheduleRetry(delivery, retry);
    if (scheduled) log.warn({ retryDeliveryId: scheduled.id, dueAt: retry.dueAt }, 'delivery failed temporarily; sending again later');
  }

  /** The next attempt after `delivery`, or null after the last one. */
  nextAttempt(delivery: Delivery, delayMs = this.config.twilioMessaging.delivery.retryDelayMs): { dueAt: Date } | null {
    return delivery.attempt < this.config.twilioMessaging.delivery.maxAttempts ? { dueAt: new Date(Date.now() + delayMs) } : null;
  }

  /** `template`: WhatsApp's window has closed, so the approved template goes out instead of the text. */
  private async transmit(pending: Delivery, options: { ignoreDue: boolean; template?: TemplateContent }): Promise<OutboundResult> {
    const { channel } = pending;
    const log = this.logger.child({ channel, deliveryId: pending.id, conversationId: pending.conversationId });
    const sender = pending.sender ?? this.sender(channel);
    if (!this.twilio || !sender) {
      const reason = !this.twilio
        ? 'Twilio is not configured (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)'
        : `no sender for ${channel} (set TWILIO_MESSAGING_SERVICE_SID or TWILIO_${channel.toUpperCase()}_FROM)`;
      await this.deliveries.close(pending.id, ['pending'], { status: 'not_sent', errorCode: null, errorMessage: reason }, null);
      log.error({ reason }, 'message not sent');
      return { outcome: 'failed', error: new TwilioSendError(channel, reason, null, null, false) };
    }
    const delivery = await this.deliveries.startSubmitting(pending.id, sender, this.leaseMs, options.ignoreDue);
    if (!delivery) return { outcome: 'already_answered' };
    const prefix = channel === 'whatsapp' ? 'whatsapp:' : '';
    try {
      const created = await this.twilio.create(channel, {
        to: `${prefix}${delivery.toAddress}`,
        ...(sender.startsWith('MG') ? { messagingServiceSid: sender } : { from: sender }),
        body: delivery.body,
        content: options.template,
        // Names the row, so a callback can settle a send whose answer never reached us.
        statusCallback: `${this.config.publicBaseUrl}/twilio/messaging/status?delivery=${delivery.id}`,
      });
      await this.deliveries.markAccepted(delivery.id, created.sid, isTwilioMessageStatus(created.status) ? created.status : 'queued');
      this.metrics.channelDeliveries.inc({ channel, status: 'accepted' });
      log.info({ messageSid: created.sid, attempt: delivery.attempt, template: options.template?.sid }, 'message handed to Twilio');
      return { outcome: 'sent', delivery, messageSid: created.sid };
    } catch (error) {
      if (!(error instanceof TwilioSendError)) throw error;
      return this.failed(delivery, error, log);
    }
  }

  private async failed(delivery: Delivery, error: TwilioSendError, log: Logger): Promise<OutboundResult> {
    const { channel } = delivery;
    this.metrics.channelDeliveryFailures.inc({ channel, code: String(error.code ?? error.status ?? error.kind) });
    if (error.kind === 'unknown') {
      await this.deliveries.markUnknown(delivery.id, error.message, new Date(Date.now() + this.config.twilioMessaging.recovery.intervalMs));
      log.warn(
        { httpStatus: error.status, attempt: delivery.attempt },
        'no clear answer from Twilio: the outcome is looked up, the message is not sent again blindly',
      );
      return { outcome: 'unknown', delivery: { ...delivery, status: 'unknown' } };
    }
    const retry = error.retryable ? this.nextAttempt(delivery) : null;
    await this.deliveries.close(delivery.id, ['submitting'], { status: 'failed', errorCode: error.code, errorMessage: error.message }, retry);
    log.warn({ errorCode: error.code, httpStatus: error.status, kind: error.kind, retryAt: retry?.dueAt }, 'Twilio refused the message');
    // 21610: the number sent STOP to Twilio; remember it so nothing more is tried.
    if (error.code === 21610) await this.optOuts.optOut(channel, delivery.toAddress, 'twilio_21610');
    return { outcome: 'failed', error };
  }

  /** The Messaging Service SID or `From` a message goes out from; null when none is known. */
  private sender(channel: 'sms' | 'whatsapp', replyFrom?: string): string | null {
    const { messagingServiceSid, smsFrom, whatsappFrom } = this.config.twilioMessaging;
    return messagingServiceSid ?? (channel === 'sms' ? smsFrom : whatsappFrom) ?? replyFrom ?? null;
  }

  private get templates(): AppConfig['twilioMessaging']['whatsappTemplates'] {
    return this.config.twilioMessaging.whatsappTemplates;
  }

  private async windowOpen(conversationId: string): Promise<boolean> {
    const last = await this.messages.lastInboundAt(conversationId);
    return isWhatsAppWindowOpen(last, new Date(), this.config.twilioMessaging.whatsappWindowMarginMs);
  }
}
