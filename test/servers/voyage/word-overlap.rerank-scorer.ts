import { words } from './hashed-text.embedding';

const STOP = new Set('the a an to of and or is are do does how can my i you your for in on it what when where why with be at by this that'.split(' '));

/**
 * Stand-in for a cross-encoder: the share of the query's content words the document holds, nudged by how
 * early the first one appears. In [0, 1]; deterministic; deliberately unlike the index's own scoring so a
 * test can see the reranker change the order.
 */
export function wordOverlapRelevance(query: string, document: string): number {
  const queryWords = [...new Set(words(query).filter((word) => !STOP.has(word)))];
  if (!queryWords.length) return 0;
  const documentWords = words(document);
  const held = new Set(documentWords);
  const coverage = queryWords.filter((word) => held.has(word)).length / queryWords.length;
  const first = documentWords.findIndex((word) => queryWords.includes(word));
  const earliness = first < 0 ? 0 : 1 / (1 + first / 20);
  return Number((0.9 * coverage + 0.1 * earliness).toFixed(6));
}
