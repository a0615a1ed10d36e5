import { TokenUsage } from '@support/conversation';
import { costInUsd, ModelPrice } from './price-table';

export interface ModelCall {
  model: string;
  usage: TokenUsage;
}

/** What one turn spent on models: the router, the answer, the handoff summary may each use one. */
export function totalSpend(calls: ModelCall[], prices?: Record<string, ModelPrice>): { usage: TokenUsage; costUsd: number } {
  return {
    usage: sumTokenUsage(calls.map((call) => call.usage)),
    costUsd: calls.reduce((sum, call) => sum + costInUsd(call.model, call.usage, prices), 0),
  };
}

export function sumTokenUsage(usages: TokenUsage[]): TokenUsage {
  return usages.reduce(
    (sum, u) => ({
      input: sum.input + u.input,
      output: sum.output + u.output,
      cacheRead: sum.cacheRead + u.cacheRead,
      cacheWrite: sum.cacheWrite + u.cacheWrite,
    }),
    { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
  );
}
