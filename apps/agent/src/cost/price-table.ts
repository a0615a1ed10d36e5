import { TokenUsage } from '@support/conversation';

/** US dollars per million tokens. */
export interface ModelPrice {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

/** Published list prices of the default models (5-minute cache writes at 1.25×, reads at 0.1× input). */
export const DEFAULT_PRICES: Record<string, ModelPrice> = {
  'claude-haiku-4-5': { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 },
  'claude-sonnet-4-6': { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 },
  'claude-sonnet-5': { input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.2 },
};

export function costInUsd(model: string | null, usage: TokenUsage, prices: Record<string, ModelPrice> = DEFAULT_PRICES): number {
  if (!model) return 0;
  const price = prices[model] ?? prices[Object.keys(prices).find((name) => model.startsWith(name)) ?? ''];
  if (!price) return 0;
  const dollars = usage.input * price.input + usage.output * price.output + usage.cacheWrite * price.cacheWrite + usage.cacheRead * price.cacheRead;
  return dollars / 1_000_000;
}
