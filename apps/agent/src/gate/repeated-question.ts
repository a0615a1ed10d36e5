import { Message } from '@support/conversation';

/**
 * The customer asks again what they already asked: the answer did not help. Compared as word
 * sets (Jaccard), ignoring short messages like "yes" or "ok" that repeat naturally.
 */
export function isRepeatedQuestion(text: string, history: Message[], minSimilarity = 0.75): boolean {
  const words = wordSet(text);
  if (words.size < 3) return false;
  return history.some((m) => m.author === 'customer' && jaccard(words, wordSet(m.text)) >= minSimilarity);
}

function wordSet(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9#]+/)
      .filter((w) => w.length > 1),
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((w) => b.has(w)).length;
  return shared / (a.size + b.size - shared || 1);
}
