export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** The value at quantile `fraction` (0..1) of ascending-sorted values, by the nearest-rank method. */
export function percentileOfSorted(sortedValues: number[], fraction: number): number {
  if (sortedValues.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sortedValues.length);
  return sortedValues[Math.min(sortedValues.length - 1, Math.max(0, rank - 1))];
}

/** Summarises durations measured with process.hrtime.bigint() (nanoseconds) in milliseconds. */
export function summariseLatenciesNs(durationsNs: bigint[]): LatencySummary {
  const sortedMs = durationsNs.map((ns) => Number(ns) / 1e6).sort((a, b) => a - b);
  const totalMs = sortedMs.reduce((sum, ms) => sum + ms, 0);
  return {
    count: sortedMs.length,
    meanMs: sortedMs.length ? totalMs / sortedMs.length : Number.NaN,
    p50Ms: percentileOfSorted(sortedMs, 0.5),
    p90Ms: percentileOfSorted(sortedMs, 0.9),
    p99Ms: percentileOfSorted(sortedMs, 0.99),
    maxMs: sortedMs.length ? sortedMs[sortedMs.length - 1] : Number.NaN,
  };
}
