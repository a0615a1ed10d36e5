import type { Tokenization } from './weaviate-wire.types';

/** Weaviate's `en` stopword preset (entities/stopwords/presets.go), removed from BM25 queries. */
const EN_STOPWORDS = new Set(
  ('a an and are as at be but by for if in into is it no not of on or such that the their then there these they this ' + 'to was will with').split(' '),
);

/** Splits a value as Weaviate does for a property's tokenization. */
export function tokenize(value: string, tokenization: Tokenization = 'word'): string[] {
  switch (tokenization) {
    case 'field':
      return value.trim() ? [value.trim()] : [];
    case 'whitespace':
      return value.split(/\s+/).filter(Boolean);
    case 'lowercase':
      return value.toLowerCase().split(/\s+/).filter(Boolean);
    case 'word':
      return value
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
  }
}

export function isStopword(token: string): boolean {
  return EN_STOPWORDS.has(token);
}
