import { isStopWord, normalisedWords, stem } from '../embedding/word-tokens';

export interface CalibrationWeights {
  /** Weight of the share of the question's content words the chunk holds. */
  coverage: number;
  /** Weight of the rescaled cosine similarity. */
  similarity: number;
  /** Cosine that counts as no evidence (unrelated texts share some character n-grams). */
  similarityFloor: number;
  /** Cosine that counts as full evidence. */
  similarityCeiling: number;
  /** How much of a passage's score depends on its place in Weaviate's fusion, in [0, 1]. */
  fusion: number;
}

/** Same floor and ceiling as the Postgres index for the same embedder; weights tuned on the demo help center. */
export const DEFAULT_CALIBRATION: CalibrationWeights = {
  coverage: 0.5,
  similarity: 0.5,
  similarityFloor: 0.1,
  similarityCeiling: 0.6,
  fusion: 0.3,
};

export interface FusedCandidate {
  /** Title, section and text: what BM25 and the embedder saw. */
  text: string;
  /** Weaviate's hybrid score: relative, so its scale means nothing across queries. */
  fusionScore: number;
  /** Cosine of the query vector and the stored vector. */
  similarity: number;
}

/**
 * Turns Weaviate's relative hybrid scores into scores one threshold can cut across questions.
 *
 * relativeScoreFusion min-max normalises each sub-search per query, so the best hit of an unanswerable
 * question scores as high as that of a well-answered one. The absolute evidence is recomputed from what
 * Weaviate returns: the cosine of the query vector to the stored vector (rescaled between a floor and a
 * ceiling) and the share of the question's content words (stemmed, stop words dropped) the chunk holds.
 * The fusion score then only discounts passages Weaviate ranks below its best:
 * `score = evidence × (1 - fusion + fusion × fusionScore / best fusionScore)`, so the top passage keeps its
 * absolute evidence and the agent's threshold keeps its meaning.
 */
export class CalibratedRelevance {
  constructor(private readonly weights: CalibrationWeights = DEFAULT_CALIBRATION) {}

  score(query: string, candidates: FusedCandidate[]): number[] {
    const queryStems = new Set(topicStems(query));
    const bestFusion = Math.max(0, ...candidates.map((c) => c.fusionScore));
    return candidates.map((candidate) => {
      const evidence = this.evidence(queryStems, candidate);
      const place = bestFusion > 0 ? candidate.fusionScore / bestFusion : 1;
      return clamp(evidence * (1 - this.weights.fusion + this.weights.fusion * place));
    });
  }

  private evidence(queryStems: Set<string>, candidate: FusedCandidate): number {
    const { coverage: coverageWeight, similarity: similarityWeight, similarityFloor, similarityCeiling } = this.weights;
    const chunkStems = new Set(contentStems(candidate.text));
    const held = [...queryStems].filter((s) => chunkStems.has(s)).length;
    const coverage = queryStems.size ? held / queryStems.size : 0;
    const similarity = clamp((candidate.similarity - similarityFloor) / (similarityCeiling - similarityFloor));
    return (coverageWeight * coverage + similarityWeight * similarity) / (coverageWeight + similarityWeight);
  }
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
  }
  return normA && normB ? dot / Math.sqrt(normA * normB) : 0;
}

/**
 * Words that frame a question rather than say what it is about ("how much", "how long", "I need"), as in the
 * Postgres index's lexical query: help articles rarely contain them, so they would count as a missing topic.
 */
const QUESTION_FRAMING = new Set('much many long something anything get got can need want know tell help like would could possible way'.split(' '));

function contentStems(text: string): string[] {
  return normalisedWords(text)
    .filter((word) => !isStopWord(word))
    .map(stem);
}

/** The question's topic stems; all its content stems when it has nothing but framing words. */
function topicStems(question: string): string[] {
  const words = normalisedWords(question).filter((word) => !isStopWord(word));
  const topical = words.filter((word) => !QUESTION_FRAMING.has(word));
  return (topical.length ? topical : words).map(stem);
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
