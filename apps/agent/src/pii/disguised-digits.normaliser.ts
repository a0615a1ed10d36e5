/** A text as the detectors read it, and the way back from its offsets to the customer's own text. */
export interface DetectionText {
  text: string;
  /** The stretch of the original text that produced `text.slice(start, end)`. */
  toOriginal(start: number, end: number): { start: number; end: number };
}

// Zero-width characters, bidi marks, embeddings, overrides and isolates, word joiners, the BOM and the soft hyphen:
// invisible, so a number can hide behind them ("555\u200B867\u200B5309") and still read as a number to a person.
const INVISIBLE_CHARACTERS = String.raw`\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF`;
// Dashes NFKC leaves alone but people (and word processors) put between digit groups.
const DASH_CHARACTERS = String.raw`\u2010-\u2015\u2212\uFE58\uFE63\uFF0D`;
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARACTERS}]`);
const DASH = new RegExp(`[${DASH_CHARACTERS}]`);
const INVISIBLE_OR_DASH = new RegExp(`[${INVISIBLE_CHARACTERS}${DASH_CHARACTERS}]`);
// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL
const ANY_NON_ASCII = /[^\x00-\x7F]/;
const IDENTITY = (start: number, end: number) => ({ start, end });

/**
 * Undoes the disguises that hide digits from a pattern but not from a reader: full-width and other compatibility
 * forms (NFKC, per character so every output character knows its source), invisible characters, unusual dashes.
 */
export function normaliseDisguisedText(text: string): DetectionText {
  if (!ANY_NON_ASCII.test(text) || isAlreadyReadable(text)) return { text, toOriginal: IDENTITY };
  let normalised = '';
  const sourceStart: number[] = [];
  const sourceEnd: number[] = [];
  for (let index = 0; index < text.length;) {
    const codePoint = text.codePointAt(index)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const character = text.slice(index, index + width);
    const readable = codePoint < 0x80 ? character : readableForm(character);
    for (let unit = 0; unit < readable.length; unit++) {
      sourceStart.push(index);
      sourceEnd.push(index + width);
    }
    normalised += readable;
    index += width;
  }
  return {
    text: normalised,
    toOriginal: (start, end) => {
      if (end > start) return { start: sourceStart[start], end: sourceEnd[end - 1] };
      const at = sourceStart[start] ?? text.length;
      return { start: at, end: at };
    },
  };
}

/** Curly quotes and accented letters are common and change nothing: skip the per-character pass for them. */
function isAlreadyReadable(text: string): boolean {
  return !INVISIBLE_OR_DASH.test(text) && text.normalize('NFKC') === text;
}

function readableForm(character: string): string {
  if (INVISIBLE.test(character)) return '';
  return DASH.test(character) ? '-' : character.normalize('NFKC');
}
