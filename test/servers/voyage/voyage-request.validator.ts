import { EmbeddingsRequest, RerankRequest } from './voyage-wire.types';

export const EMBEDDING_MODELS = ['voyage-3-large', 'voyage-3.5', 'voyage-3.5-lite', 'voyage-4', 'voyage-4-large', 'voyage-4-lite', 'voyage-code-3'];
export const RERANK_MODELS = ['rerank-2.5', 'rerank-2.5-lite', 'rerank-2', 'rerank-2-lite'];
const DIMENSIONS = [256, 512, 1024, 2048];
export const MAX_ITEMS = 1000;

/** Total tokens per embeddings request (docs.voyageai.com/reference/embeddings-api). */
export function embeddingTokenLimit(model: string): number {
  if (model.includes('lite')) return 1_000_000;
  if (/large|code/.test(model)) return 120_000;
  return 320_000;
}

/** Voyage's tokenizer averages about 4 characters a token on English. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** What is wrong with an embeddings request, as the API's 400 `detail` would say; undefined when valid. */
export function findInvalidEmbeddings(body: Partial<EmbeddingsRequest>, tokenLimit?: number): string | undefined {
  const input = typeof body.input === 'string' ? [body.input] : body.input;
  if (!Array.isArray(input) || !input.length || input.some((item) => typeof item !== 'string')) return 'input must be a string or a non-empty list of strings';
  if (input.length > MAX_ITEMS) return `The batch size limit is ${MAX_ITEMS}. Your batch size is ${input.length}.`;
  if (!body.model || !EMBEDDING_MODELS.includes(body.model))
    return `Model ${body.model} is not supported. Supported models are ${EMBEDDING_MODELS.join(', ')}.`;
  if (body.input_type != null && body.input_type !== 'query' && body.input_type !== 'document') return 'input_type must be query, document or null';
  if (body.output_dimension != null && !DIMENSIONS.includes(body.output_dimension)) return `output_dimension must be one of ${DIMENSIONS.join(', ')}`;
  const tokens = input.reduce((sum, text) => sum + estimateTokens(text), 0);
  const limit = tokenLimit ?? embeddingTokenLimit(body.model);
  if (tokens > limit)
    return `Request to model '${body.model}' failed. The max allowed tokens per submitted batch is ${limit}. Your batch has ${tokens} tokens after truncation.`;
  return undefined;
}

export function findInvalidRerank(body: Partial<RerankRequest>): string | undefined {
  if (typeof body.query !== 'string' || !body.query.trim()) return 'query must be a non-empty string';
  if (!Array.isArray(body.documents) || !body.documents.length || body.documents.some((d) => typeof d !== 'string'))
    return 'documents must be a non-empty list of strings';
  if (body.documents.length > MAX_ITEMS) return `The number of documents must be at most ${MAX_ITEMS}.`;
  if (!body.model || !RERANK_MODELS.includes(body.model)) return `Model ${body.model} is not supported. Supported models are ${RERANK_MODELS.join(', ')}.`;
  if (body.top_k != null && (!Number.isInteger(body.top_k) || body.top_k < 1)) return 'top_k must be a positive integer';
  return undefined;
}
