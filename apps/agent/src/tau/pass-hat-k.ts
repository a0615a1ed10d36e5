/**
 * τ-bench's pass^k: the chance that k trials of a task, drawn from the n run, all succeed, averaged over
 * tasks: mean of C(c, k) / C(n, k), with c successes out of n. pass^1 is the mean reward.
 */
export function passHatK(successesPerTask: Array<{ trials: number; successes: number }>, k: number): number {
  if (!successesPerTask.length) return 0;
  const total = successesPerTask.reduce((sum, { trials, successes }) => sum + (k > trials ? 0 : choose(successes, k) / choose(trials, k)), 0);
  return total / successesPerTask.length;
}

function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}
