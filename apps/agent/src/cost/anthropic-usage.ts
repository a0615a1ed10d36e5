import type Anthropic from '@anthropic-ai/sdk';
import { TokenUsage } from '@support/conversation';

/** The product's token counts from an Anthropic `usage` block (input excludes cached tokens there too). */
export function tokenUsageOf(usage: Anthropic.Usage): TokenUsage {
  return {
    input: usage.input_tokens ?? 0,
    output: usage.output_tokens ?? 0,
    cacheRead: usage.cache_read_input_tokens ?? 0,
    cacheWrite: usage.cache_creation_input_tokens ?? 0,
  };
}
