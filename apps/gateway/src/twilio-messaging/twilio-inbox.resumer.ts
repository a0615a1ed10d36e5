import { Inject, Injectable, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { TwilioInboxRepository } from '@support/channels';
import { APP_CONFIG, LOGGER } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import { PeriodicSweep } from './periodic-sweep';
import { TwilioInbox } from './twilio-inbox.service';

/** Messages taken per round (at start, all a dead process left, up to a limit), and handled at once: a backlog is worked off, not stampeded. */
const BATCH = 20;
const AT_START = 1000;
const CONCURRENCY = 4;
/** A message the agent failed on this often is left for a person (it stays in its conversation). */
const MAX_ATTEMPTS = 5;

/**
 * Picks up stored SMS / WhatsApp messages that were acknowledged but never dealt with (the
 * process died, the agent failed): all of them at start, then those whose lease has expired,
 * every `recovery.intervalMs`, as far back as `recovery.resumeWindowMs`.
 */
@Injectable()
export class TwilioInboxResumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly sweep = new PeriodicSweep(
    (atStart) => this.work(atStart),
    (error) => this.logger.error({ err: error }, 'resuming unanswered messages failed'),
  );

  constructor(
    private readonly inbox: TwilioInbox,
    private readonly stored: TwilioInboxRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.sweep.start(this.config.twilioMessaging.recovery.intervalMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.sweep.stop();
  }

  /** At start, leases belong to a process that is gone; a live one elsewhere may answer too, still once. */
  private async work(atStart: boolean): Promise<void> {
    const { resumeWindowMs } = this.config.twilioMessaging.recovery;
    let ignoreLeases = atStart;
    for (;;) {
      const entries = await this.stored.takeUnhandled({
        since: new Date(Date.now() - resumeWindowMs),
        maxAttempts: MAX_ATTEMPTS,
        leaseMs: this.inbox.leaseMs,
        limit: ignoreLeases ? AT_START : BATCH,
        ignoreLeases,
      });
      if (!entries.length) return;
      this.logger.info({ count: entries.length, atStart }, 'resuming acknowledged messages that were not dealt with');
      for (let i = 0; i < entries.length; i += CONCURRENCY) {
        await Promise.all(entries.slice(i, i + CONCURRENCY).map((entry) => this.inbox.resume(entry.inbound)));
      }
      // What was taken now holds a fresh lease: the next round takes only the rest.
      ignoreLeases = false;
    }
  }
}
