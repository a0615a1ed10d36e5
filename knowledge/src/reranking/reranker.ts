/** One reranked document: its position in the input and how relevant it is to the query. */
export interface RerankResult {
  index: number;
  /** Relevance in [0, 1]. */
  score: number;
}

/**
 * Scores candidate passages against a question with a model that reads both together (a cross-encoder),
 * which orders a short list better than the first-stage retrieval. Adapter: Voyage rerank.
 */
export abstract class Reranker {
  /** Stable name, shown in evaluations and logs. */
  abstract readonly name: string;
  /** At most `topK` results, best first. */
  abstract rerank(query: string, documents: string[], topK: number): Promise<RerankResult[]>;
}
