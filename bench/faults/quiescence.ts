import { reportProgress } from '../support/progress';
import { CustomerView } from './customer-view';
import { MessageOutcome } from './message-outcome';

export interface QuiescenceOptions {
  /** Nothing new for this long after every message has an answer: late second answers would have shown up. */
  settleMs: number;
  /** Nothing new for this long while some are still unanswered: they are not coming. */
  stallMs: number;
}

/**
 * Waits until the product has stopped answering: every SMS, WhatsApp and email message answered and
 * nothing new for `settleMs` (long enough for the product's own recovery sweeps and an unknown-outcome
 * grace to pass), or nothing new for `stallMs` with some still unanswered. Web chat answers synchronously.
 */
export async function waitForQuiescence(view: CustomerView, outcomes: MessageOutcome[], options: QuiescenceOptions): Promise<void> {
  let last = '';
  let changedAt = Date.now();
  let reportedAt = 0;
  for (;;) {
    const answers = [...view.answersSoFar(outcomes).values()];
    const unanswered = answers.filter((n) => n === 0).length;
    const snapshot = answers.join(',');
    if (snapshot !== last) {
      last = snapshot;
      changedAt = Date.now();
    }
    const quietMs = Date.now() - changedAt;
    if (unanswered === 0 && quietMs >= options.settleMs) return;
    if (quietMs >= options.stallMs) return;
    if (Date.now() - reportedAt > 10_000) {
      reportedAt = Date.now();
      reportProgress(`waiting for quiescence: ${unanswered} SMS/WhatsApp/email messages not answered yet, nothing new for ${(quietMs / 1_000).toFixed(0)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
