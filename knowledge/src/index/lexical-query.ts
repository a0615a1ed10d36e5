/** Lexemes the tsquery parser would misread (operators, quotes, backslashes) are left out. */
const SAFE_LEXEME = /^[^\s'\\&|!():*<>]+$/u;

/**
 * Stemmed words that frame a question rather than say what it is about ("how much", "how long", "I need").
 * Help articles rarely contain them, so they would weigh as much as a missing topic word.
 */
const QUESTION_FRAMING = new Set([
  'much',
  'mani',
  'long',
  'someth',
  'anyth',
  'get',
  'got',
  'can',
  'need',
  'want',
  'know',
  'tell',
  'help',
  'like',
  'would',
  'could',
  'possibl',
  'way',
]);

/** The lexemes of a question that say what it is about. */
export function topicLexemes(lexemes: string[]): string[] {
  const topical = lexemes.filter((lexeme) => !QUESTION_FRAMING.has(lexeme));
  return topical.length ? topical : lexemes;
}

/**
 * A natural question rarely has every word in one chunk, so the question's lexemes are OR-ed (as
 * `websearch_to_tsquery` would AND them) and `ts_rank_cd` favours the chunks that hold more of them.
 * Returns undefined when nothing searchable is left.
 */
export function anyLexemeQuery(lexemes: string[]): string | undefined {
  const safe = lexemes.filter((lexeme) => SAFE_LEXEME.test(lexeme));
  return safe.length ? safe.map((lexeme) => `'${lexeme}'`).join(' | ') : undefined;
}
