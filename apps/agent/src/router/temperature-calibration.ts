/**
 * Finds the softmax temperature that minimises the negative log-likelihood of held-out labels (Guo et al. 2017,
 * "On Calibration of Modern Neural Networks"). Temperature scaling changes confidences, never the ranking.
 */
export function fitTemperature(scoresPerRow: Float64Array[], labels: number[]): number {
  const negativeLogLikelihood = (logTemperature: number) => {
    const temperature = Math.exp(logTemperature);
    let total = 0;
    scoresPerRow.forEach((scores, row) => {
      let max = -Infinity;
      for (const score of scores) if (score / temperature > max) max = score / temperature;
      let sum = 0;
      for (const score of scores) sum += Math.exp(score / temperature - max);
      total -= scores[labels[row]] / temperature - max - Math.log(sum);
    });
    return total;
  };
  // Golden-section search over log-temperature in [ln 0.05, ln 20]; the likelihood is unimodal in it.
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = Math.log(0.05);
  let high = Math.log(20);
  for (let iteration = 0; iteration < 40; iteration++) {
    const left = high - ratio * (high - low);
    const right = low + ratio * (high - low);
    if (negativeLogLikelihood(left) < negativeLogLikelihood(right)) high = right;
    else low = left;
  }
  return Math.exp((low + high) / 2);
}
