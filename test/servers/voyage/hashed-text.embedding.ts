/**
 * Deterministic stand-in for a Voyage vector: words and character trigrams hashed into `dimensions` signed
 * buckets, L2-normalised. Texts that share words land close, so retrieval plumbing can be tested without a model.
 */
export function hashedTextEmbedding(text: string, dimensions: number): number[] {
  const vector = new Float64Array(dimensions);
  for (const word of words(text)) {
    addFeature(vector, `w:${word}`, 1);
    const padded = `<${word}>`;
    for (let i = 0; i + 3 <= padded.length; i++) addFeature(vector, `c:${padded.slice(i, i + 3)}`, 0.3);
  }
  let length = 0;
  for (const value of vector) length += value * value;
  length = Math.sqrt(length) || 1;
  return Array.from(vector, (value) => Number((value / length).toFixed(6)));
}

/** Lower-cased words of two letters or more. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [];
}

function addFeature(vector: Float64Array, feature: string, weight: number): void {
  const hash = fnv1a(feature);
  vector[hash % vector.length] += hash & 0x80000000 ? -weight : weight;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
