import { Metrics } from '@support/platform';

/** Whether the help center had an answer: hit when the best passage scored at or above the threshold. */
export type RetrievalOutcome = 'hit' | 'miss';

export function retrievalOutcome(passages: ReadonlyArray<{ score: number }>, minScore: number): RetrievalOutcome {
  const top = passages.reduce((best, passage) => Math.max(best, passage.score), 0);
  return passages.length && top >= minScore ? 'hit' : 'miss';
}

/**
 * Counts each turn's retrieval in `support_retrieval_total{result}`. Call `record` once per turn that
 * searched the help center, with the passages it got.
 */
export class RetrievalOutcomeRecorder {
  constructor(
    private readonly metrics: Metrics,
    /** GATE_MIN_RETRIEVAL_SCORE. */
    private readonly minScore: number,
  ) {}

  record(passages: ReadonlyArray<{ score: number }>): RetrievalOutcome {
    const outcome = retrievalOutcome(passages, this.minScore);
    this.metrics.retrievals.inc({ result: outcome });
    return outcome;
  }
}
