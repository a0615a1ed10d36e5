/** Inputs per `POST /v1/embeddings` and documents per `POST /v1/rerank` (docs.voyageai.com/reference). */
export const VOYAGE_MAX_ITEMS = 1000;

/**
 * Total tokens per embeddings request, by model family (docs.voyageai.com/reference/embeddings-api):
 * 120K for the large, code, finance and law models, 1M for the lite ones, 320K for the rest.
 */
export function voyageEmbedTokenLimit(model: string): number {
  if (/lite/.test(model)) return 1_000_000;
  if (/large|code|finance|law/.test(model)) return 120_000;
  return 320_000;
}

/** Longest input the 3.5/4 families read (longer is truncated, so it never counts for more). */
const CONTEXT_TOKENS = 32_000;

/**
 * A deliberately high token estimate (3 characters a token; Voyage's tokenizer averages nearer 4 on English)
 * so a batch planned under the limit stays under it.
 */
export function estimateVoyageTokens(text: string): number {
  return Math.min(CONTEXT_TOKENS, Math.ceil(text.length / 3) + 1);
}
