import { TokenUsage } from '@support/conversation';
import { costInUsd, ModelPrice } from './price-table';

export interface ModelCall {
  model: string;
  usage: TokenUsage;
}

/** What one turn spent on models: the router, the answer, the handoff summary may each use one. */
export function totalSpend(calls: ModelCall[], prices?: Record<string, ModelPrice>): { usage: TokenUsage; costUsd: number } {
  const usage: TokenUsage = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  let costUsd = 0;
  for (const call of calls) {
    usage.input += call.usage.input;
    usage.output += call.usage.output;
    usage.cacheRead += call.usage.cacheRead;
    usage.cacheWrite += call.usage.cacheWrite;
    costUsd += costInUsd(call.model, call.usage, prices);
  }
  return { usage, costUsd };
}
