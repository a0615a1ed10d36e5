import { Metrics, newId } from '@support/platform';
import { ProofAttemptRepository } from './proof-attempts.repository';

export interface VerificationLimits {
  /** Failed proofs allowed per scope within the window; the next is refused until old ones age out. */
  maxFailures: number;
  windowMs: number;
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

  /** The attempt, or null when a scope is locked (nothing is then checked, so a lucky guess gains nothing). */
  async begin(scopes: string[]): Promise<ProofAttempt | null> {
    const attemptId = newId('proof');
    const seen = await this.attempts.begin(attemptId, scopes, this.limits.windowMs);
    if (seen > this.limits.maxFailures) {
      await this.attempts.forget(attemptId);
      this.metrics?.verificationLockouts.inc();
      return null;
    }
    return {
      succeeded: () => this.attempts.forget(attemptId),
      failed: async () => {
        this.metrics?.verificationFailures.inc();
        await this.attempts.failed(attemptId);
      },
    };
  }

  /** How long a locked customer is told to wait, in whole minutes. */
  get lockMinutes(): number {
    return Math.max(1, Math.ceil(this.limits.windowMs / 60_000));
  }
}
