/** The moment a turn must be answered by: every model call, retry wait and stream of the turn fits inside it. */
export class TurnDeadline {
  constructor(
    /** Epoch milliseconds; Infinity when the turn has no deadline. */
    readonly at: number,
    private readonly clock: () => number = Date.now,
  ) {}

  static after(ms: number, clock: () => number = Date.now): TurnDeadline {
    return new TurnDeadline(clock() + ms, clock);
  }

  static none(): TurnDeadline {
    return new TurnDeadline(Infinity);
  }

  get bounded(): boolean {
    return Number.isFinite(this.at);
  }

  remainingMs(): number {
    return this.at - this.clock();
  }

  get passed(): boolean {
    return this.remainingMs() <= 0;
  }

  /** Whether a wait of `ms` ends before the deadline, leaving time for another try. */
  leavesTimeAfter(ms: number): boolean {
    return ms < this.remainingMs();
  }
}
