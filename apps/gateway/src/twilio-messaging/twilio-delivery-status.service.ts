import { Inject, Injectable } from '@nestjs/common';
import { DeliveryRepository, StatusCallback, isFailure } from '@support/channels';
import { LOGGER, Metrics } from '@support/platform';
import type { Logger } from '@support/platform';
import { TwilioOutbox } from './twilio-outbox.service';

/**
 * Status callbacks (and lookups that found a message): each moves a delivery's status forward
 * only; failures are counted, logged and retried when temporary.
 */
@Injectable()
export class TwilioDeliveryStatusService {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly outbox: TwilioOutbox,
    private readonly metrics: Metrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async record(callback: StatusCallback): Promise<void> {
    const applied = await this.deliveries.applyStatus(callback.messageSid, callback.status, callback.errorCode, callback.errorMessage, callback.deliveryId);
    const log = this.logger.child({ messageSid: callback.messageSid, status: callback.status, errorCode: callback.errorCode });
    if (!applied) {
      log.info('status callback for a message this gateway did not send; ignored');
      return;
    }
    const { delivery, changed } = applied;
    if (!changed) return;
    this.metrics.channelDeliveries.inc({ channel: delivery.channel, status: delivery.status });
    if (!isFailure(delivery.status)) return;
    this.metrics.channelDeliveryFailures.inc({ channel: delivery.channel, code: String(delivery.errorCode ?? 'none') });
    log.warn(
      { deliveryId: delivery.id, conversationId: delivery.conversationId, channel: delivery.channel, attempt: delivery.attempt },
      'message not delivered',
    );
    await this.outbox.retryIfTemporary(delivery);
  }
}
