/**
 * A named right to do something that only one process of an installation may do at a time (watch
 * the mailbox, index the help center). Held while renewed; a holder that dies loses it within the
 * lease's time-to-live, and another process may take it.
 */
export abstract class Lease {
  /** True when this process holds the lease now (taken, or renewed). */
  abstract tryAcquire(): Promise<boolean>;
  /** Keeps it for another time-to-live; false when it was lost (expired and taken by another). */
  abstract renew(): Promise<boolean>;
  abstract release(): Promise<void>;
  /** How often a holder renews and a waiting process tries to take it. */
  abstract readonly renewEveryMs: number;
}

/** One process (no REDIS_URL, or the embedded database): nobody to share with, always held. */
export class SoleProcessLease extends Lease {
  readonly renewEveryMs = 60_000;
  async tryAcquire(): Promise<boolean> {
    return true;
  }
  async renew(): Promise<boolean> {
    return true;
  }
  async release(): Promise<void> {}
}
