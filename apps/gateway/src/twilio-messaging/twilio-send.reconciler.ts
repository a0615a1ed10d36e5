import { Inject, Injectable } from '@nestjs/common';
import { Delivery, DeliveryRepository, TwilioMessagesClient, isTwilioMessageStatus } from '@support/channels';
import { APP_CONFIG, LOGGER } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import { TwilioDeliveryStatusService } from './twilio-delivery-status.service';
import { TWILIO_MESSAGES } from './twilio-messaging.tokens';
import { TwilioOutbox } from './twilio-outbox.service';
import { templateVariable, whatsAppTemplateFor } from './whatsapp-template';

/** Clocks differ and Twilio stamps DateCreated itself: look from a little before our request went out. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Settles a send whose outcome is unknown (timeout, connection reset, 5xx): looks the message up
 * at Twilio (To, From, created since the request went out, then the body; a message Twilio took
 * but still holds in its queue has no DateSent yet, and counts as found). Found: it was sent, and
 * is recorded so. Not found `unknownGraceMs` after the request went out: Twilio never took it, so
 * it is sent once more. A status callback naming the delivery settles it the same way, whichever
 * comes first.
 */
@Injectable()
export class TwilioSendReconciler {
  constructor(
    @Inject(TWILIO_MESSAGES) private readonly twilio: TwilioMessagesClient | null,
    private readonly deliveries: DeliveryRepository,
    private readonly statuses: TwilioDeliveryStatusService,
    private readonly outbox: TwilioOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async reconcile(delivery: Delivery): Promise<void> {
    const { intervalMs, unknownGraceMs } = this.config.twilioMessaging.recovery;
    const log = this.logger.child({ channel: delivery.channel, deliveryId: delivery.id, conversationId: delivery.conversationId });
    const submittedAt = delivery.submittedAt ?? delivery.createdAt;
    const later = new Date(Date.now() + intervalMs);
    if (!this.twilio) return this.deliveries.deferLookup(delivery.id, later);
    const prefix = delivery.channel === 'whatsapp' ? 'whatsapp:' : '';
    let found;
    try {
      found = await this.twilio.findSent(delivery.channel, {
        to: `${prefix}${delivery.toAddress}`,
        from: delivery.sender ?? undefined,
        body: delivery.body,
        // A template send's body at Twilio is the rendered template, which holds the text as its variable.
        templateVariable:
          delivery.channel === 'whatsapp' && whatsAppTemplateFor(delivery.purpose, delivery.body, this.config.twilioMessaging.whatsappTemplates)
            ? templateVariable(delivery.body)
            : undefined,
        createdAfter: new Date(submittedAt.getTime() - CLOCK_SKEW_MS),
        near: submittedAt,
        // The same text sent to them earlier (a notice, the help text) is another delivery's message, not this one.
        taken: async (sid) => (await this.deliveries.findBySid(sid)) !== null,
      });
    } catch (error) {
      log.warn({ err: error }, 'could not look the message up at Twilio; trying again later');
      return this.deliveries.deferLookup(delivery.id, later);
    }
    if (found) {
      const status = isTwilioMessageStatus(found.status) ? found.status : 'queued';
      await this.statuses.record({ messageSid: found.sid, status, errorCode: null, errorMessage: null, deliveryId: delivery.id });
      log.info({ messageSid: found.sid, status }, 'send with an unknown outcome found at Twilio: it went out, not sent again');
      return;
    }
    if (Date.now() - submittedAt.getTime() < unknownGraceMs) return this.deliveries.deferLookup(delivery.id, later);
    const retry = this.outbox.nextAttempt(delivery, 0);
    const next = await this.deliveries.close(
      delivery.id,
      ['unknown'],
      { status: 'not_sent', errorCode: null, errorMessage: 'Twilio has no such message: it never took it' },
      retry,
    );
    if (next) log.warn({ retryDeliveryId: next.id }, 'Twilio never took a send with an unknown outcome; sending it once more');
    else log.error('Twilio never took a send with an unknown outcome, and it was the last attempt');
  }
}
