import { Inject, Injectable, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DeliveryRepository } from '@support/channels';
import { APP_CONFIG, LOGGER } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
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
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | null = null;

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly outbox: TwilioOutbox,
    private readonly reconciler: TwilioSendReconciler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.sweep(true);
    this.timer = setInterval(() => this.sweep(false), this.config.twilioMessaging.recovery.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** At start every send still marked in flight belongs to a process that is gone. */
  private sweep(atStart: boolean): void {
    if (this.sweeping) return;
    this.sweeping = this.work(atStart)
      .catch((error) => this.logger.error({ err: error }, 'outbox sweep failed'))
      .finally(() => (this.sweeping = null));
  }

  private async work(atStart: boolean): Promise<void> {
    const interrupted = await this.deliveries.expireSubmitting(atStart);
    for (const delivery of interrupted) {
      this.logger.warn({ channel: delivery.channel, deliveryId: delivery.id }, 'send interrupted mid-request: its outcome is unknown and will be looked up');
    }
    for (const delivery of await this.deliveries.due(BATCH)) {
      if (delivery.status === 'pending') await this.outbox.resume(delivery);
      else await this.reconciler.reconcile(delivery);
    }
  }
}
