/** How well one threshold separates answered questions from unanswered ones. */
export interface ThresholdChoice {
  threshold: number;
  /** Share of answered questions scoring at or above the threshold (kept by the agent). */
  answeredKept: number;
  /** Share of unanswered questions scoring below it (handed off). */
  unansweredHandedOff: number;
}

/** The threshold (to 0.01) that maximises the mean of the two rates, i.e. balanced accuracy. */
export function chooseThreshold(answeredScores: number[], unansweredScores: number[]): ThresholdChoice {
  let best: ThresholdChoice = { threshold: 0, answeredKept: 1, unansweredHandedOff: 0 };
  for (let step = 0; step <= 100; step++) {
    const choice = rates(step / 100, answeredScores, unansweredScores);
    if (choice.answeredKept + choice.unansweredHandedOff > best.answeredKept + best.unansweredHandedOff) best = choice;
  }
  return best;
}

export function rates(threshold: number, answeredScores: number[], unansweredScores: number[]): ThresholdChoice {
  return {
    threshold,
    answeredKept: share(answeredScores, (score) => score >= threshold),
    unansweredHandedOff: share(unansweredScores, (score) => score < threshold),
  };
}

function share(scores: number[], test: (score: number) => boolean): number {
  return scores.length ? scores.filter(test).length / scores.length : 0;
}
