import { PiiDetector } from './pii-detector';
import { PiiMatch } from './pii-entity';

// Licence, passport and ID card numbers have no shared format (a US licence alone is 7 digits in one state and a letter
// plus 12 digits in another), so only a number the customer names as one of these documents is taken.
const LABELLED_ID_DOCUMENT =
  /\b(?:driver[’']?s? licen[cs]e|driving licen[cs]e|licen[cs]e|passport|national id|id card|identity card)(?:\s+(?:number|no\.?|num|#))?\s*(?:is|:|#)?\s*([A-Z0-9][A-Z0-9-]{4,19})(?![\w-])/gi;
const MIN_DIGITS = 4;

export class IdDocumentDetector implements PiiDetector {
  detect(text: string): PiiMatch[] {
    const matches: PiiMatch[] = [];
    for (const match of text.matchAll(LABELLED_ID_DOCUMENT)) {
      const value = match[1];
      if (value.replace(/\D/g, '').length < MIN_DIGITS) continue;
      const start = match.index + match[0].length - value.length;
      matches.push({ type: 'GOV_ID', start, end: start + value.length, value, normalised: value.replace(/-/g, '').toUpperCase() });
    }
    return matches;
  }
}
