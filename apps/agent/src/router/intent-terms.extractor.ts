/** The terms a message is made of: words and word bigrams, and character n-grams within words (robust to typos). */
export interface IntentTerms {
  wordTerms: string[];
  charTerms: string[];
}

const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;
const MIN_CHAR_GRAM = 3;
const MAX_CHAR_GRAM = 5;

export function extractIntentTerms(text: string): IntentTerms {
  // Order and account numbers vary per customer; only their shape ("w0", "0") says anything about the intent.
  const normalised = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/\p{N}+/gu, '0');
  const words = normalised.match(WORD_PATTERN) ?? [];
  const wordTerms = [...words];
  for (let index = 1; index < words.length; index++) wordTerms.push(`${words[index - 1]} ${words[index]}`);
  const charTerms: string[] = [];
  for (const word of words) {
    const padded = ` ${word} `;
    for (let size = MIN_CHAR_GRAM; size <= MAX_CHAR_GRAM; size++) {
      for (let start = 0; start + size <= padded.length; start++) charTerms.push(padded.slice(start, start + size));
    }
  }
  return { wordTerms, charTerms };
}
