import { Inject, Injectable, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DeliveryRepository } from '@support/channels';
import { APP_CONFIG, LOGGER } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import { PeriodicSweep } from '../conversations/periodic-sweep';
import { TwilioOutbox } from './twilio-outbox.service';
import { TwilioSendReconciler } from './twilio-send.reconciler';

/** Rows handled per sweep; the next sweep takes the rest. */
const BATCH = 50;

/**
 * Works the outbox table, never timers in memory: at start and every `recovery.intervalMs`,
 * sends interrupted by a crash become `unknown`, due pending sends (retries, orphans) are sent,
 * and due `unknown` ones are reconciled.
 */
@Injectable()
export class TwilioOutboxPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly sweep = new PeriodicSweep(
    (atStart) => this.work(atStart),
    (error) => this.logger.error({ err: error }, 'outbox sweep failed'),
  );

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly outbox: TwilioOutbox,
    private readonly reconciler: TwilioSendReconciler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.sweep.start(this.config.twilioMessaging.recovery.intervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.sweep.stop();
  }

  /** At start every send still marked in flight belongs to a process that is gone. */
  private async work(atStart: boolean): Promise<void> {
    const interrupted = await this.deliveries.expireSubmitting(atStart);
    for (const delivery of interrupted) {
      this.logger.warn({ channel: delivery.channel, deliveryId: delivery.id }, 'send interrupted mid-request: its outcome is unknown and will be looked up');
    }
    for (const delivery of await this.deliveries.due(BATCH)) {
      try {
        if (delivery.status === 'pending') await this.outbox.resume(delivery);
        else await this.reconciler.reconcile(delivery);
      } catch (error) {
        // One delivery that fails must not hold up the others behind it: it is looked at again later.
        this.logger.error({ err: error, channel: delivery.channel, deliveryId: delivery.id }, 'delivery not settled; trying again later');
        await this.deliveries.deferLookup(delivery.id, new Date(Date.now() + this.config.twilioMessaging.recovery.intervalMs)).catch(() => undefined);
      }
    }
  }
}
