import type { StoredObject } from './weaviate-wire.types';

export interface RankedHit {
  object: StoredObject;
  /** BM25 score, or 1 - distance for the vector search. */
  score: number;
}

export interface FusedHit {
  object: StoredObject;
  score: number;
  explainScore: string;
}

export type FusionType = 'relativeScoreFusion' | 'rankedFusion';

/**
 * Weaviate's two fusions. relativeScoreFusion min-max normalises each result set to [0, 1] and adds
 * them weighted by alpha (vector) and 1 - alpha (keyword); rankedFusion adds weight / (60 + rank).
 * Either way the score only ranks within one query: the best hit of any query lands near 1.
 */
export function fuse(keyword: RankedHit[], vector: RankedHit[], alpha: number, fusionType: FusionType): FusedHit[] {
  const fused = new Map<string, FusedHit>();
  const add = (hits: RankedHit[], weight: number, name: string) => {
    const scores = hits.map((hit) => hit.score);
    const [min, max] = [Math.min(...scores), Math.max(...scores)];
    hits.forEach((hit, rank) => {
      const normalised = fusionType === 'rankedFusion' ? 1 / (60 + rank) : max === min ? 1 : (hit.score - min) / (max - min);
      const entry = fused.get(hit.object.id) ?? { object: hit.object, score: 0, explainScore: '' };
      entry.score += weight * normalised;
      const line = `(Result Set ${name}) Document ${hit.object.id}: original score ${hit.score}, normalized score: ${normalised}`;
      entry.explainScore = entry.explainScore ? `${entry.explainScore} - ${line}` : line;
      fused.set(hit.object.id, entry);
    });
  };
  if (alpha < 1) add(keyword, 1 - alpha, 'keyword,bm25');
  if (alpha > 0) add(vector, alpha, 'vector,hybridVector');
  return [...fused.values()].sort((a, b) => b.score - a.score || a.object.id.localeCompare(b.object.id));
}
