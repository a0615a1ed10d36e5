import { Embedder, EmbeddingKind } from './embedder';
import { isStopWord, normalisedWords, stem } from './word-tokens';

export interface HashingEmbedderOptions {
  /** Vector length (default 512). The pgvector column is sized for the default. */
  dimensions?: number;
}

/** How much each family of features counts after each family is normalised on its own. */
const FAMILY_WEIGHTS = { word: 1, wordPair: 0.5, characters: 0.7 } as const;
type FeatureFamily = keyof typeof FAMILY_WEIGHTS;

/**
 * The embedded default: feature hashing of stemmed words, word pairs and character 3-5-grams,
 * with sub-linear term frequency. Needs no model download and no key; deterministic and fast.
 * It matches wording, not meaning, so it is a lexical safety net rather than a semantic model.
 */
export class HashingEmbedder extends Embedder {
  readonly dimensions: number;
  readonly name: string;

  constructor(options: HashingEmbedderOptions = {}) {
    super();
    this.dimensions = options.dimensions ?? 512;
    this.name = `hashing-v1-${this.dimensions}`;
  }

  async embed(texts: string[], _kind: EmbeddingKind): Promise<number[][]> {
    return texts.map((text) => this.embedOne(text));
  }

  private embedOne(text: string): number[] {
    const vector = new Float64Array(this.dimensions);
    for (const [family, counts] of featureCounts(text)) {
      const familyVector = new Float64Array(this.dimensions);
      for (const [feature, count] of counts) {
        const hash = fnv1a(`${family}:${feature}`);
        const sign = (hash & 0x80000000) === 0 ? 1 : -1;
        familyVector[(hash & 0x7fffffff) % this.dimensions] += sign * (1 + Math.log(count));
      }
      addScaled(vector, familyVector, FAMILY_WEIGHTS[family] / (norm(familyVector) || 1));
    }
    const length = norm(vector) || 1;
    return Array.from(vector, (value) => value / length);
  }
}

function featureCounts(text: string): Map<FeatureFamily, Map<string, number>> {
  const families = new Map<FeatureFamily, Map<string, number>>([
    ['word', new Map()],
    ['wordPair', new Map()],
    ['characters', new Map()],
  ]);
  const words = normalisedWords(text).filter((word) => !isStopWord(word));
  const stems = words.map(stem);
  stems.forEach((word, i) => {
    count(families.get('word')!, word);
    if (i > 0) count(families.get('wordPair')!, `${stems[i - 1]} ${word}`);
  });
  for (const word of words) {
    const padded = `<${word}>`;
    for (let size = 3; size <= 5; size++) {
      for (let start = 0; start + size <= padded.length; start++) count(families.get('characters')!, padded.slice(start, start + size));
    }
  }
  return families;
}

function count(counts: Map<string, number>, feature: string): void {
  counts.set(feature, (counts.get(feature) ?? 0) + 1);
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function norm(vector: Float64Array): number {
  let sum = 0;
  for (const value of vector) sum += value * value;
  return Math.sqrt(sum);
}

function addScaled(target: Float64Array, source: Float64Array, scale: number): void {
  for (let i = 0; i < target.length; i++) target[i] += source[i] * scale;
}
