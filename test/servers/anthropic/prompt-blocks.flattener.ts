import type { CacheControl, MessagesRequest, RequestContentBlock } from './anthropic-wire.types';
import { estimateTokens } from './token-count.estimator';

/** One cacheable unit of the prompt, in the order the API builds its cache prefix. */
export interface PromptBlock {
  /** Canonical content, cache_control excluded, so equal prompts hash equally. */
  key: string;
  tokens: number;
  cacheControl?: CacheControl;
}

/**
 * Tools, then system, then messages: the order the API hashes prefixes in. The top-level
 * `cache_control` is the automatic breakpoint and lands on the last block.
 */
export function flattenPrompt(request: MessagesRequest): PromptBlock[] {
  const blocks: PromptBlock[] = [];
  for (const { cache_control, ...tool } of request.tools ?? []) {
    const key = `tool:${JSON.stringify(tool)}`;
    blocks.push({ key, tokens: estimateTokens(JSON.stringify(tool)), cacheControl: cache_control ?? undefined });
  }
  for (const block of asBlocks(request.system)) blocks.push(contentBlock('system', block));
  for (const message of request.messages) {
    for (const block of asBlocks(message.content)) blocks.push(contentBlock(message.role, block));
  }
  const last = blocks.at(-1);
  if (request.cache_control && last && !last.cacheControl) last.cacheControl = request.cache_control;
  return blocks;
}

function asBlocks(content: string | RequestContentBlock[] | undefined): RequestContentBlock[] {
  if (content === undefined) return [];
  return typeof content === 'string' ? [{ type: 'text', text: content }] : content;
}

function contentBlock(role: string, block: RequestContentBlock): PromptBlock {
  const { cache_control, ...rest } = block;
  const counted = rest.type === 'text' ? (rest.text ?? '') : JSON.stringify(rest);
  return { key: `${role}:${JSON.stringify(rest)}`, tokens: estimateTokens(counted), cacheControl: cache_control ?? undefined };
}
