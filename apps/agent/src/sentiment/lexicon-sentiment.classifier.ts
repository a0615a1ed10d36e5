import { Sentiment, SentimentLabel } from './sentiment';
import { DAMPENERS, INTENSIFIERS, NEGATORS } from './sentiment-modifiers';
import { PHRASE_VALENCE, SYMBOL_VALENCE, WORD_VALENCE } from './support-valence.lexicon';

export interface LexiconSentimentOptions {
  /** Scores at or above this are positive. */
  positiveThreshold: number;
  /** Scores at or below this are negative. */
  negativeThreshold: number;
}

const DEFAULT_OPTIONS: LexiconSentimentOptions = { positiveThreshold: 0.05, negativeThreshold: -0.05 };

// Increments and scaling from VADER (Hutto & Gilbert, 2014), which calibrated them against human ratings.
const INTENSIFIER_STEP = 0.293;
const CAPS_STEP = 0.733;
const NEGATION_FACTOR = -0.74;
const EXCLAMATION_STEP = 0.292;
const QUESTION_STEP = 0.18;
const NORMALISATION_ALPHA = 15;
const MODIFIER_REACH = 3;
const MODIFIER_DISTANCE_SCALE = [1, 0.95, 0.9];
const LONGEST_PHRASE = 4;

const TOKEN_PATTERN = /<3|[:;=]-?['’]?[)(dDpP|\\]|[:;=]-?\/(?!\/)|\p{Extended_Pictographic}|[\p{L}\p{N}]+(?:['’]\p{L}+)*|[,.;!?]/gu;
const CLAUSE_BOUNDARY = /^[,.;!?]$/;

interface Token {
  raw: string;
  lower: string;
}

interface ScoredItem {
  lower: string;
  isBoundary: boolean;
  isShouted: boolean;
  valence: number;
}

/**
 * Scores a message from a hand-written valence lexicon plus VADER-style rules: negation, intensifiers and dampeners,
 * ALL CAPS, "but" shifting weight to the second clause, and exclamation or repeated question marks. Runs in well
 * under a millisecond and needs no model download.
 */
export class LexiconSentimentClassifier {
  private readonly options: LexiconSentimentOptions;

  constructor(options: Partial<LexiconSentimentOptions> = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  classify(text: string): Sentiment {
    const score = this.score(text);
    return { label: this.labelFor(score), score };
  }

  private labelFor(score: number): SentimentLabel {
    if (score >= this.options.positiveThreshold) return 'positive';
    if (score <= this.options.negativeThreshold) return 'negative';
    return 'neutral';
  }

  private score(text: string): number {
    const items = toScoredItems(tokenize(text));
    const butIndex = items.findIndex((item) => item.lower === 'but');
    let sum = 0;
    items.forEach((item, index) => {
      if (item.valence === 0) return;
      let valence = adjustedValence(items, index);
      if (butIndex >= 0) valence *= index < butIndex ? 0.5 : 1.5;
      sum += valence;
    });
    if (sum === 0) return 0;
    sum += Math.sign(sum) * punctuationEmphasis(text);
    return sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA);
  }
}

function tokenize(text: string): Token[] {
  return Array.from(text.matchAll(TOKEN_PATTERN), ([raw]) => ({ raw, lower: raw.toLowerCase().replace(/’/g, "'") }));
}

function toScoredItems(tokens: Token[]): ScoredItem[] {
  const items: ScoredItem[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const phraseLength = longestPhraseAt(tokens, index);
    if (phraseLength > 0) {
      const words = tokens.slice(index, index + phraseLength);
      const lower = words.map((token) => token.lower).join(' ');
      items.push({ lower, isBoundary: false, isShouted: words.every((token) => isShouted(token.raw)), valence: PHRASE_VALENCE.get(lower)! });
      index += phraseLength - 1;
      continue;
    }
    const { raw, lower } = tokens[index];
    items.push({ lower, isBoundary: CLAUSE_BOUNDARY.test(raw), isShouted: isShouted(raw), valence: wordValence(lower) });
  }
  return items;
}

function longestPhraseAt(tokens: Token[], start: number): number {
  for (let length = Math.min(LONGEST_PHRASE, tokens.length - start); length >= 2; length--) {
    const phrase = tokens
      .slice(start, start + length)
      .map((token) => token.lower)
      .join(' ');
    if (PHRASE_VALENCE.has(phrase)) return length;
  }
  return 0;
}

/** Looks a word up as written, then with stretched letters squeezed ("sooo goood", "thaaanks"). */
function wordValence(word: string): number {
  const candidates = [word, word.replace(/(.)\1{2,}/g, '$1$1'), word.replace(/(.)\1+/g, '$1')];
  for (const candidate of candidates) {
    const valence = WORD_VALENCE.get(candidate) ?? SYMBOL_VALENCE.get(candidate);
    if (valence !== undefined) return valence;
  }
  return 0;
}

function isShouted(raw: string): boolean {
  return raw.length >= 2 && /\p{Lu}/u.test(raw) && raw === raw.toUpperCase();
}

function adjustedValence(items: ScoredItem[], index: number): number {
  const item = items[index];
  const direction = Math.sign(item.valence);
  let valence = item.valence;
  if (item.isShouted) valence += direction * CAPS_STEP;
  let negated = false;
  for (let distance = 1; distance <= MODIFIER_REACH && index - distance >= 0; distance++) {
    const previous = items[index - distance];
    if (previous.isBoundary) break;
    const scale = MODIFIER_DISTANCE_SCALE[distance - 1];
    if (INTENSIFIERS.has(previous.lower)) valence += direction * INTENSIFIER_STEP * scale * (previous.isShouted ? 2 : 1);
    if (DAMPENERS.has(previous.lower)) valence -= direction * INTENSIFIER_STEP * scale;
    if (NEGATORS.has(previous.lower)) negated = true;
  }
  return negated ? valence * NEGATION_FACTOR : valence;
}

/** "!!!" and "???" make a message louder in whichever direction it already leans. */
function punctuationEmphasis(text: string): number {
  const exclamations = Math.min(4, (text.match(/!/g) ?? []).length);
  const questions = (text.match(/\?/g) ?? []).length;
  return exclamations * EXCLAMATION_STEP + (questions > 1 ? Math.min(3, questions) * QUESTION_STEP : 0);
}
