import { TermStatistics } from './term-statistics';

/** Which signals rank and score the passages. */
export type RetrievalMode = 'hybrid' | 'full-text' | 'dense';

/** What is known about one candidate chunk for one question. */
export interface CandidateSignals {
  /** The question's lexemes (english stemming, stop words removed). */
  queryLexemes: string[];
  /** The chunk's lexemes, title and section included. */
  chunkLexemes: Set<string>;
  /** `ts_rank_cd(..., 32)`, in [0, 1). */
  lexicalRank: number;
  /** Cosine similarity of the embeddings. */
  similarity: number;
}

export interface RelevanceWeights {
  /** Weight of idf-weighted query-term coverage. */
  coverage: number;
  /** Weight of the rescaled dense similarity. */
  similarity: number;
  /** Weight of the full-text rank (proximity and frequency). */
  lexicalRank: number;
  /** Cosine similarity that counts as no evidence (unrelated texts share some character n-grams). */
  similarityFloor: number;
  /** Cosine similarity that counts as full evidence. */
  similarityCeiling: number;
}

/**
 * Scores are absolute, not normalised per query: the share of the question's telling words the chunk
 * holds and how close the embeddings are. So a question the help center does not answer scores low
 * even when it has a best match, and one threshold works across questions.
 */
export class RelevanceScorer {
  constructor(
    private readonly mode: RetrievalMode,
    private readonly weights: RelevanceWeights,
  ) {}

  score(signals: CandidateSignals, statistics: TermStatistics): number {
    const coverage = termCoverage(signals, statistics);
    const similarity = clamp((signals.similarity - this.weights.similarityFloor) / (this.weights.similarityCeiling - this.weights.similarityFloor));
    const lexical = { coverage: this.weights.coverage, lexicalRank: this.weights.lexicalRank };
    if (this.mode === 'dense') return similarity;
    const lexicalScore = (lexical.coverage * coverage + lexical.lexicalRank * signals.lexicalRank) / (lexical.coverage + lexical.lexicalRank);
    if (this.mode === 'full-text') return clamp(lexicalScore);
    const lexicalWeight = lexical.coverage + lexical.lexicalRank;
    return clamp((lexicalWeight * lexicalScore + this.weights.similarity * similarity) / (lexicalWeight + this.weights.similarity));
  }
}

function termCoverage(signals: CandidateSignals, statistics: TermStatistics): number {
  let total = 0;
  let held = 0;
  for (const lexeme of signals.queryLexemes) {
    const weight = statistics.inverseFrequency(lexeme);
    total += weight;
    if (signals.chunkLexemes.has(lexeme)) held += weight;
  }
  return total ? held / total : 0;
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
