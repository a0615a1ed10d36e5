import { normalisedWords } from '../embedding/word-tokens';

/**
 * The form questions are grouped under: lower case, no accents or punctuation, single spaces, digits kept
 * as `#` so "order 1234" and "order 5678" meet.
 */
export function normaliseQuestion(text: string): string {
  return normalisedWords(text)
    .map((word) => (/^\d+$/.test(word) ? '#' : word))
    .join(' ');
}
