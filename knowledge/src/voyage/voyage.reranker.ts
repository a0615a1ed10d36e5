import type { VoyageAIClient } from 'voyageai';
import { Reranker, RerankResult } from '../reranking/reranker';
import { toVoyageApiError } from './voyage-error.mapper';
import { VOYAGE_MAX_ITEMS } from './voyage-limits';

export interface VoyageRerankerOptions {
  /** Default rerank-2.5. */
  model?: string;
}

/** Voyage rerank through the `voyageai` SDK. */
export class VoyageReranker extends Reranker {
  readonly name: string;
  private readonly model: string;

  constructor(
    private readonly client: VoyageAIClient,
    options: VoyageRerankerOptions = {},
  ) {
    super();
    this.model = options.model ?? 'rerank-2.5';
    this.name = `voyage-${this.model}`;
  }

  async rerank(query: string, documents: string[], topK: number): Promise<RerankResult[]> {
    if (!documents.length) return [];
    let response;
    try {
      response = await this.client.rerank({
        query,
        documents: documents.slice(0, VOYAGE_MAX_ITEMS),
        model: this.model,
        topK: Math.min(topK, documents.length),
        returnDocuments: false,
        truncation: true,
      });
    } catch (error) {
      throw toVoyageApiError(error);
    }
    return (response.data ?? [])
      .filter((item) => typeof item.index === 'number' && typeof item.relevanceScore === 'number')
      .map((item) => ({ index: item.index!, score: item.relevanceScore! }))
      .sort((a, b) => b.score - a.score);
  }
}
