/**
 * Deterministic stand-in for Claude's tokenizer: about four characters of English per
 * token, rounded up per piece of text. Close enough for cost and cache arithmetic in tests;
 * never compare it with real billing.
 */
export const CHARACTERS_PER_TOKEN = 4;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARACTERS_PER_TOKEN);
}
