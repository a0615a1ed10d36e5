export interface BatchLimits {
  maxItems: number;
  maxTokens: number;
}

/**
 * Splits texts, in order, into batches within both limits. A text alone over the token limit still gets its
 * own batch (the API truncates it).
 */
export function planBatches(texts: string[], limits: BatchLimits, estimateTokens: (text: string) => number): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let tokens = 0;
  for (const text of texts) {
    const cost = estimateTokens(text);
    if (current.length && (current.length >= limits.maxItems || tokens + cost > limits.maxTokens)) {
      batches.push(current);
      current = [];
      tokens = 0;
    }
    current.push(text);
    tokens += cost;
  }
  if (current.length) batches.push(current);
  return batches;
}
