import { createHash } from 'node:crypto';
import type { CacheControl, InputUsage } from './anthropic-wire.types';
import type { PromptBlock } from './prompt-blocks.flattener';

const TTL_MS = { '5m': 5 * 60_000, '1h': 60 * 60_000 } as const;
/** The API looks for earlier cache entries up to 20 blocks before each breakpoint. */
const LOOKBACK_BLOCKS = 20;

export interface PromptCacheOptions {
  minCacheTokens: number;
  now: () => number;
}

interface CacheEntry {
  expiresAtMs: number;
  ttlMs: number;
}

/**
 * Bills a prompt's input tokens the way prompt caching does: the longest live cached
 * prefix is read, the rest up to the last breakpoint is written, the remainder is plain input.
 */
export class PromptCacheSimulator {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(private readonly options: PromptCacheOptions) {}

  bill(model: string, blocks: PromptBlock[]): InputUsage {
    const hashes = prefixHashes(model, blocks);
    const prefixTokens = cumulativeTokens(blocks);
    const total = prefixTokens.at(-1) ?? 0;
    const breakpoints = blocks.flatMap((block, index) => (block.cacheControl ? [index] : []));

    const readEnd = this.longestLivePrefix(hashes, breakpoints);
    const read = readEnd < 0 ? 0 : prefixTokens[readEnd];

    const creation = { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 };
    const lastBreakpoint = breakpoints.at(-1);
    if (lastBreakpoint !== undefined && lastBreakpoint > readEnd && prefixTokens[lastBreakpoint] >= this.options.minCacheTokens) {
      let billedUpTo = read;
      for (const index of breakpoints.filter((b) => b > readEnd)) {
        const ttl = blocks[index].cacheControl?.ttl ?? '5m';
        creation[ttl === '1h' ? 'ephemeral_1h_input_tokens' : 'ephemeral_5m_input_tokens'] += prefixTokens[index] - billedUpTo;
        billedUpTo = prefixTokens[index];
        if (prefixTokens[index] >= this.options.minCacheTokens) this.write(hashes[index], blocks[index].cacheControl);
      }
    }
    const written = creation.ephemeral_5m_input_tokens + creation.ephemeral_1h_input_tokens;
    return {
      input_tokens: total - read - written,
      cache_creation_input_tokens: written,
      cache_read_input_tokens: read,
      cache_creation: creation,
    };
  }

  clear(): void {
    this.entries.clear();
  }

  /** Index of the last block of the longest live cached prefix, or -1; a hit refreshes its TTL. */
  private longestLivePrefix(hashes: string[], breakpoints: number[]): number {
    const now = this.options.now();
    for (const breakpoint of [...breakpoints].reverse()) {
      for (let index = breakpoint; index >= Math.max(0, breakpoint - LOOKBACK_BLOCKS + 1); index--) {
        const entry = this.entries.get(hashes[index]);
        if (entry && entry.expiresAtMs > now) {
          entry.expiresAtMs = now + entry.ttlMs;
          return index;
        }
      }
    }
    return -1;
  }

  private write(hash: string, cacheControl: CacheControl | undefined): void {
    const ttlMs = TTL_MS[cacheControl?.ttl ?? '5m'];
    this.entries.set(hash, { expiresAtMs: this.options.now() + ttlMs, ttlMs });
  }
}

function prefixHashes(model: string, blocks: PromptBlock[]): string[] {
  let previous = createHash('sha256').update(model).digest('hex');
  return blocks.map((block) => (previous = createHash('sha256').update(previous).update(block.key).digest('hex')));
}

function cumulativeTokens(blocks: PromptBlock[]): number[] {
  let sum = 0;
  return blocks.map((block) => (sum += block.tokens));
}
