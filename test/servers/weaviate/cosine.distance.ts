/** Weaviate's `cosine` distance: 1 - cosine similarity, in [0, 2]. */
export function cosineDistance(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
  }
  const norms = Math.sqrt(normA) * Math.sqrt(normB);
  return norms ? 1 - dot / norms : 1;
}
