import { Lease } from './lease';

export interface LeasedWork {
  start(): void;
  stop(): Promise<void>;
}

/**
 * Runs `work` (the mailbox watcher) only while this process holds `lease`: waits for it, starts the
 * work once taken, renews it, and stops the work if it is ever lost (a pause longer than its
 * time-to-live: another process has taken over). Renewal errors (Redis away) count as lost.
 */
export class LeasedTask {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = false;
  private ticking: Promise<void> = Promise.resolve();

  constructor(
    private readonly lease: Lease,
    private readonly work: LeasedWork,
    private readonly events: { onAcquired?(): void; onLost?(): void; onError?(error: unknown): void } = {},
  ) {}

  start(): void {
    this.stopped = false;
    this.tick();
  }

  get holding(): boolean {
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    if (this.running) {
      this.running = false;
      await this.work.stop();
      await this.lease.release().catch((error) => this.events.onError?.(error));
    }
  }

  private tick(): void {
    this.ticking = this.step().finally(() => {
      if (this.stopped) return;
      this.timer = setTimeout(() => this.tick(), this.lease.renewEveryMs);
      this.timer.unref();
    });
  }

  private async step(): Promise<void> {
    try {
      if (!this.running) {
        if (!(await this.lease.tryAcquire()) || this.stopped) return;
        this.running = true;
        this.events.onAcquired?.();
        this.work.start();
      } else if (!(await this.lease.renew())) {
        await this.lose();
      }
    } catch (error) {
      this.events.onError?.(error);
      if (this.running) await this.lose();
    }
  }

  private async lose(): Promise<void> {
    this.running = false;
    this.events.onLost?.();
    await this.work.stop();
  }
}
