import { ChannelError, Logger, Metrics } from '@support/platform';
import { EmailTransport } from './smtp/email-transport';
import { EmailOutboxRepository, OutboxEntry } from './store/email-outbox.repository';

const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 15 * 60_000;
/** Longer than one SMTP send may take (the transport's 60 s socket timeout), so a hold outlives the send it covers. */
const CLAIM_MS = 90_000;
/** How often recording a sent mail is tried (about 40 s in all) before the send is left to its claim running out. */
const RECORD_ATTEMPTS = 8;

/**
 * Sends queued mail, each entry until the server takes it: retryable failures back off
 * exponentially (2 s … 15 min, 8 attempts), permanent ones are marked failed for a person to see.
 * Each gateway sends only mail it has claimed, so two never send one mail. A crash between the server's 250 and the
 * row update resends with the same Message-ID once the claim lapses (SMTP cannot be asked whether it arrived).
 */
export class EmailOutboxService {
  private draining: Promise<void> | null = null;
  private again = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly outbox: EmailOutboxRepository,
    private readonly transport: EmailTransport,
    private readonly metrics: Metrics,
    private readonly logger: Logger,
  ) {}

  /** Sends everything due; concurrent calls share one pass (and one more if asked for during it). */
  drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        await this.sendDue();
      } while (this.again && !this.stopped);
    })().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.draining?.catch(() => undefined);
  }

  private async sendDue(): Promise<void> {
    // Checked before each claim: a stopped outbox takes no mail another gateway would then have to wait out.
    while (!this.stopped) {
      const due = await this.outbox.claimDue(20, CLAIM_MS);
      if (!due.length) return;
      for (const entry of due) await this.sendOne(entry);
    }
  }

  private async sendOne(entry: OutboxEntry): Promise<void> {
    const log = this.logger.child({ conversationId: entry.conversationId, outboxId: entry.id, kind: entry.kind });
    try {
      await this.transport.send(entry.mail);
    } catch (error) {
      const retryable = error instanceof ChannelError ? error.retryable : true;
      const attempts = entry.attempts + 1;
      const retryInMs = retryable && attempts < MAX_ATTEMPTS ? Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_MS) : null;
      await this.outbox.markAttemptFailed(entry.id, (error as Error).message, retryInMs);
      this.metrics.emailDeliveries.inc({ kind: entry.kind, outcome: retryInMs === null ? 'failed' : 'retry' });
      log.warn(
        { err: { message: (error as Error).message }, attempts, retryInMs },
        retryInMs === null ? 'email not sent; giving up' : 'email not sent; will retry',
      );
      if (retryInMs !== null) this.scheduleRetry(retryInMs);
      return;
    }
    // The server took it: only recording that is left. Never a send failure, or the customer would get it twice.
    await this.recordSent(entry, log);
  }

  /** Keeps trying through a short database outage; if the process dies first, the mail goes again with its Message-ID. */
  private async recordSent(entry: OutboxEntry, log: Logger): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.outbox.markSent(entry.id);
        this.metrics.emailDeliveries.inc({ kind: entry.kind, outcome: 'sent' });
        log.info({ attempts: entry.attempts + 1 }, 'email sent');
        return;
      } catch (error) {
        if (attempt >= RECORD_ATTEMPTS) throw error;
        log.warn({ err: { message: (error as Error).message }, attempt }, 'email sent, but not recorded yet; trying again');
        await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** (attempt - 1), 8_000)));
      }
    }
  }

  private scheduleRetry(delayMs: number): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.drain().catch((error) => this.logger.error({ err: error }, 'email outbox drain failed'));
    }, delayMs);
    this.retryTimer.unref();
  }
}
