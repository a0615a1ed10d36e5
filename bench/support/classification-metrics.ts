/** Share of predictions equal to the gold label; NaN when there are none. */
export function accuracy(gold: string[], predicted: string[]): number {
  if (gold.length === 0) return Number.NaN;
  return gold.filter((label, index) => label === predicted[index]).length / gold.length;
}

/** Unweighted mean of per-class F1 over every class that occurs in gold or predicted labels (as scikit-learn). */
export function macroF1(gold: string[], predicted: string[]): number {
  const classes = new Set([...gold, ...predicted]);
  if (classes.size === 0) return Number.NaN;
  let total = 0;
  for (const cls of classes) {
    let truePositives = 0;
    let goldCount = 0;
    let predictedCount = 0;
    gold.forEach((label, index) => {
      if (label === cls) goldCount++;
      if (predicted[index] === cls) predictedCount++;
      if (label === cls && predicted[index] === cls) truePositives++;
    });
    total += truePositives === 0 ? 0 : (2 * truePositives) / (goldCount + predictedCount);
  }
  return total / classes.size;
}
