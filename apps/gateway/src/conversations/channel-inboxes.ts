import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ChannelInbox } from '@support/channels';
import { LOGGER } from '@support/platform';
import type { Logger } from '@support/platform';
import { PeriodicSweep } from './periodic-sweep';

/**
 * Every channel's inbox, registered by its module: each is resumed at start and every `resumeEveryMs`
 * (what a crash left stored and unanswered), and a shutdown waits until what each accepted is settled.
 */
@Injectable()
export class ChannelInboxes implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly inboxes: Array<ChannelInbox<unknown, unknown>> = [];
  private readonly sweeps: PeriodicSweep[] = [];

  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  register<Delivery, Received>(inbox: ChannelInbox<Delivery, Received>): void {
    this.inboxes.push(inbox as ChannelInbox<unknown, unknown>);
  }

  onApplicationBootstrap(): void {
    for (const inbox of this.inboxes) {
      const sweep = new PeriodicSweep(
        (atStart) => inbox.resume(atStart),
        (error) => this.logger.error({ err: error, channels: inbox.channels }, 'resuming unanswered messages failed; tried again next round'),
      );
      sweep.start(inbox.resumeEveryMs);
      this.sweeps.push(sweep);
    }
  }

  /** First thing on shutdown, before the agent transport closes: no new round starts, the one running finishes. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.sweeps.map((sweep) => sweep.stop()));
  }

  /** Every message in flight is answered, or left stored for the next start, before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.inboxes.map((inbox) => inbox.settled()));
  }
}
