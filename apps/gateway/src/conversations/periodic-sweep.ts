/**
 * Runs a sweep at start and then every interval, never two at once; stopping waits for the one running.
 * Work found by a sweep lives in the database, so a missed tick loses nothing.
 */
export class PeriodicSweep {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;

  constructor(
    private readonly work: (atStart: boolean) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(intervalMs: number): void {
    this.run(true);
    this.timer = setInterval(() => this.run(false), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private run(atStart: boolean): void {
    if (this.running) return;
    this.running = this.work(atStart)
      .catch(this.onError)
      .finally(() => (this.running = null));
  }
}
