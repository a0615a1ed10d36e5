import { Passage } from '@support/knowledge';

/** A piece of a passage that reads on its own: a sentence, a table row, or a short list with its lead-in. */
export interface PassageUnit {
  text: string;
  /** Place in the passage, for reading order. */
  index: number;
}

/** Sentences about the article itself say nothing to the customer. */
const ABOUT_THE_PAGE = /^(this (page|article|guide) (explains|describes|covers)|see also|related:?$)/i;
const LIST_ITEM = /^\s*([-*]|\d+\.)\s+/;
const TABLE_SEPARATOR = /^\|?\s*:?-{2,}/;
/** A list this long is read item by item; a shorter one is one answer ("We accept: cards, PayPal, gift cards"). */
const MAX_LIST_AS_ONE = 6;

/**
 * Reads a help-center passage (markdown) into units a customer can read alone: a list keeps its lead-in
 * ("All times are Eastern Time" before the hours; the heading "Addresses we can't ship to" before the
 * countries), and a table row keeps its column names.
 */
export function readPassage(passage: Passage): PassageUnit[] {
  const heading = passage.section.split('>').pop()?.trim() ?? '';
  const lines = passage.text.split('\n').map((line) => line.trim());
  const units: string[] = [];
  let header: string[] | null = null;
  let lastParagraph: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || /^#+\s/.test(line)) continue;
    if (line.startsWith('|')) {
      lastParagraph = [];
      const cells = tableCells(line);
      if (TABLE_SEPARATOR.test(line.replace(/^\|/, ''))) continue;
      if (!header) header = cells;
      else units.push(tableRow(header, cells));
      continue;
    }
    header = null;
    if (LIST_ITEM.test(line)) {
      const items: string[] = [];
      while (i < lines.length && (LIST_ITEM.test(lines[i]) || (!lines[i] && LIST_ITEM.test(lines[i + 1] ?? '')))) {
        if (lines[i]) items.push(clean(lines[i].replace(LIST_ITEM, '')));
        i++;
      }
      i--;
      const leadIn = lastParagraph.at(-1) ?? (heading ? `${heading}:` : '');
      if (lastParagraph.length) units.pop();
      units.push(...readList(leadIn, items));
      lastParagraph = [];
      continue;
    }
    lastParagraph = sentences(clean(line));
    units.push(...lastParagraph);
  }
  return units.filter((text) => text.length > 2 && /^[A-Z0-9("$]/.test(text) && !ABOUT_THE_PAGE.test(text)).map((text, index) => ({ text, index }));
}

function readList(leadIn: string, items: string[]): string[] {
  const withStop = items.map((item) => (/[.!?:]$/.test(item) ? item : `${item}.`));
  const lead = leadIn ? `${leadIn} ` : '';
  if (items.length <= MAX_LIST_AS_ONE) return [`${lead}${withStop.join(' ')}`];
  return withStop.map((item) => `${lead}${item}`);
}

function tableCells(line: string): string[] {
  return line
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => clean(cell));
}

function tableRow(header: string[], cells: string[]): string {
  const described = cells.slice(1).map((cell, i) => `${(header[i + 1] ?? '').toLowerCase()}: ${cell}`.trim());
  return `${cells[0]} (${described.join('; ')}).`;
}

function clean(text: string): string {
  return text
    .replace(/\*\*/g, '')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .trim();
}

/** Splits on sentence ends; a one-word answer ("No.") stays with the sentence that explains it. */
function sentences(paragraph: string): string[] {
  const parts = paragraph.split(/(?<=[.!?])\s+(?=[A-Z"])/).map((s) => s.trim());
  const merged: string[] = [];
  for (const part of parts) {
    const previous = merged.at(-1);
    if (previous && /^\w+[.!]$/.test(previous)) merged[merged.length - 1] = `${previous} ${part}`;
    else merged.push(part);
  }
  return merged;
}
