import { ProviderError } from '@support/platform';
import { embeddingInput } from '../chunking/knowledge-chunk';
import { KnowledgeRetriever, Passage, SearchOptions } from '../knowledge-retriever';
import { Reranker } from './reranker';

export interface RerankingRetrieverOptions {
  /** First-stage passages handed to the reranker (default 20). */
  candidates?: number;
  /** Told when the reranker failed and the first-stage order was kept. */
  onFallback?: (error: ProviderError) => void;
}

/**
 * Hybrid first, then rerank: the first-stage retriever (Postgres or Weaviate) finds candidates, the reranker
 * orders them. A passage's score becomes the reranker's relevance, so the confidence gate's threshold should
 * be re-checked with `npm run kb -- eval` when a reranker is on. When the reranker fails after its retries,
 * the customer still gets the first-stage passages.
 */
export class RerankingRetriever extends KnowledgeRetriever {
  private readonly candidates: number;

  constructor(
    private readonly firstStage: KnowledgeRetriever,
    private readonly reranker: Reranker,
    private readonly options: RerankingRetrieverOptions = {},
  ) {
    super();
    this.candidates = options.candidates ?? 20;
  }

  async search(query: string, options: SearchOptions = {}): Promise<Passage[]> {
    const limit = options.limit ?? 5;
    const candidates = await this.firstStage.search(query, { limit: Math.max(limit, this.candidates) });
    if (candidates.length === 0) return [];
    try {
      const ranked = await this.reranker.rerank(query, candidates.map(embeddingInput), limit);
      return ranked.filter((result) => candidates[result.index]).map((result) => ({ ...candidates[result.index], score: clamp(result.score) }));
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      this.options.onFallback?.(error);
      return candidates.slice(0, limit);
    }
  }

  findPolicy(policyId: string): Promise<Passage[]> {
    return this.firstStage.findPolicy(policyId);
  }
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
