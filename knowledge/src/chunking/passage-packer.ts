export interface PackingOptions {
  maxChars: number;
  overlapChars: number;
}

/**
 * Packs a section's text into pieces of at most `maxChars`, breaking between paragraphs, else between
 * sentences, else between words. Each piece after the first repeats the end of the one before
 * (up to `overlapChars`) so an answer that straddles a break is still whole in one piece.
 */
export function packPassages(text: string, options: PackingOptions): string[] {
  if (text.length <= options.maxChars) return [text];
  const units = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .flatMap((paragraph) => (paragraph.length <= options.maxChars ? [paragraph] : sentences(paragraph, options.maxChars)));

  const pieces: string[][] = [];
  let current: string[] = [];
  for (const unit of units) {
    if (current.length && length([...current, unit]) > options.maxChars) {
      pieces.push(current);
      current = overlapTail(current, options.overlapChars);
      while (current.length && length([...current, unit]) > options.maxChars) current = current.slice(1);
    }
    current.push(unit);
  }
  if (current.length) pieces.push(current);
  return pieces.map((piece) => piece.join('\n\n'));
}

function sentences(paragraph: string, maxChars: number): string[] {
  return paragraph.split(/(?<=[.!?])\s+/).flatMap((sentence) => (sentence.length <= maxChars ? [sentence] : words(sentence, maxChars)));
}

function words(sentence: string, maxChars: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const word of sentence.split(/\s+/)) {
    if (current && current.length + 1 + word.length > maxChars) {
      parts.push(current);
      current = '';
    }
    current = current ? `${current} ${word}` : word.slice(0, maxChars);
  }
  if (current) parts.push(current);
  return parts;
}

/** The last whole units of a piece that fit in the overlap, never the whole piece. */
function overlapTail(piece: string[], overlapChars: number): string[] {
  const tail: string[] = [];
  for (let i = piece.length - 1; i > 0; i--) {
    if (length([piece[i], ...tail]) > overlapChars) break;
    tail.unshift(piece[i]);
  }
  if (!tail.length) {
    const lastSentence = piece[piece.length - 1].split(/(?<=[.!?])\s+/).pop() ?? '';
    if (lastSentence.length <= overlapChars && lastSentence !== piece[piece.length - 1]) tail.push(lastSentence);
  }
  return tail;
}

function length(units: string[]): number {
  return units.reduce((sum, unit) => sum + unit.length, 0) + Math.max(0, units.length - 1) * 2;
}
