import type { VoyageAIClient } from 'voyageai';
import { Embedder, EmbeddingKind } from '../embedding/embedder';
import { planBatches } from './embedding-batches';
import { toVoyageApiError, VoyageApiError } from './voyage-error.mapper';
import { estimateVoyageTokens, VOYAGE_MAX_ITEMS, voyageEmbedTokenLimit } from './voyage-limits';

export interface VoyageEmbedderOptions {
  /** Default voyage-3-large. */
  model?: string;
  /** `output_dimension`; default 512, the width of the index's pgvector column. */
  dimensions?: number;
  /** Texts per request (default 128, at most 1,000). */
  maxBatchItems?: number;
  /** Estimated tokens per request (default: the model's limit). */
  maxBatchTokens?: number;
}

/** Voyage embeddings through the `voyageai` SDK: `input_type` document or query, batched within the API's limits. */
export class VoyageEmbedder extends Embedder {
  readonly name: string;
  readonly dimensions: number;
  private readonly model: string;
  private readonly maxItems: number;
  private readonly maxTokens: number;

  constructor(
    private readonly client: VoyageAIClient,
    options: VoyageEmbedderOptions = {},
  ) {
    super();
    this.model = options.model ?? 'voyage-3-large';
    this.dimensions = options.dimensions ?? 512;
    this.name = `voyage-${this.model}-${this.dimensions}`;
    this.maxItems = Math.min(options.maxBatchItems ?? 128, VOYAGE_MAX_ITEMS);
    this.maxTokens = Math.min(options.maxBatchTokens ?? Infinity, voyageEmbedTokenLimit(this.model));
  }

  async embed(texts: string[], kind: EmbeddingKind): Promise<number[][]> {
    const vectors: number[][] = [];
    for (const batch of planBatches(texts, { maxItems: this.maxItems, maxTokens: this.maxTokens }, estimateVoyageTokens)) {
      vectors.push(...(await this.embedBatch(batch, kind)));
    }
    return vectors;
  }

  private async embedBatch(texts: string[], kind: EmbeddingKind): Promise<number[][]> {
    let response;
    try {
      response = await this.client.embed({ input: texts, model: this.model, inputType: kind, outputDimension: this.dimensions, truncation: true });
    } catch (error) {
      throw toVoyageApiError(error);
    }
    // `index` is the position in `input`; the order of `data` is not promised.
    const byIndex = new Map((response.data ?? []).map((item) => [item.index, item.embedding]));
    return texts.map((_, i) => {
      const vector = byIndex.get(i);
      if (!vector || vector.length !== this.dimensions) {
        throw new VoyageApiError(`embedding ${i} missing or not ${this.dimensions} wide`, false);
      }
      return unitLength(vector);
    });
  }
}

function unitLength(vector: number[]): number[] {
  const length = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
  return vector.map((value) => value / length);
}
