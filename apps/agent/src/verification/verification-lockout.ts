import { Metrics, newId } from '@support/platform';
import { ProofAttemptRepository } from './proof-attempts.repository';

export interface VerificationLimits {
  /** Failed proofs allowed per scope within the window; the next is refused until old ones age out. */
  maxFailures: number;
  windowMs: number;
  /** A slower guesser, waiting out each window, is stopped by a daily cap per scope. */
  maxFailuresPerDay: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Proofs are refused for now; the customer is told roughly how long. */
export interface LockedOut {
  lockedForMinutes: number;
}

/** One proof being tried: report how it went. */
export interface ProofAttempt {
  succeeded(): Promise<void>;
  failed(): Promise<void>;
}

/**
 * Bounds guessing: every scope (the conversation, the customer, the client address, the order) may fail to prove
 * ownership `maxFailures` times per window; after that proofs are refused, whatever they are.
 */
export class VerificationLockout {
  constructor(
    private readonly attempts: ProofAttemptRepository,
    private readonly limits: VerificationLimits,
    private readonly metrics?: Metrics,
  ) {}

  /** The attempt, or how long a locked scope stays locked (nothing is then checked, so a lucky guess gains nothing). */
  async begin(scopes: string[]): Promise<ProofAttempt | LockedOut> {
    const attemptId = newId('proof');
    const longMs = Math.max(DAY_MS, this.limits.windowMs);
    const seen = await this.attempts.begin(attemptId, scopes, { shortMs: this.limits.windowMs, longMs });
    if (Math.random() < 0.01) await this.attempts.forgetOlderThan(longMs);
    if (seen.short > this.limits.maxFailures || seen.long > this.limits.maxFailuresPerDay) {
      await this.attempts.forget(attemptId);
      this.metrics?.verificationLockouts.inc();
      const waitMs = seen.long > this.limits.maxFailuresPerDay ? longMs : this.limits.windowMs;
      return { lockedForMinutes: Math.max(1, Math.ceil(waitMs / 60_000)) };
    }
    return {
      succeeded: () => this.attempts.forget(attemptId),
      failed: async () => {
        this.metrics?.verificationFailures.inc();
        await this.attempts.failed(attemptId);
      },
    };
  }
}
