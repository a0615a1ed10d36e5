import { PiiDetector } from './pii-detector';
import { PiiMatch } from './pii-entity';

const FORMATTED_SSN = /(?<![\w-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\w]|-\d)/g;
// Nine bare digits are an SSN only when the customer says so.
const LABELLED_BARE_SSN = /\b(?:ssn|social security(?: number| no\.?)?)\s*(?:is|:|#)?\s*(\d{9})(?!\w)/gi;

/** US Social Security numbers, skipping numbers the SSA never issues (area 000, 666 or 900-999, group 00, serial 0000). */
export class UsSsnDetector implements PiiDetector {
  detect(text: string): PiiMatch[] {
    const matches: PiiMatch[] = [];
    for (const match of text.matchAll(FORMATTED_SSN)) {
      this.addIfIssuable(matches, match.index, match[0], match[1] + match[3] + match[4]);
    }
    for (const match of text.matchAll(LABELLED_BARE_SSN)) {
      this.addIfIssuable(matches, match.index + match[0].length - match[1].length, match[1], match[1]);
    }
    return matches;
  }

  private addIfIssuable(matches: PiiMatch[], start: number, value: string, digits: string): void {
    const area = digits.slice(0, 3);
    if (area === '000' || area === '666' || area[0] === '9' || digits.slice(3, 5) === '00' || digits.slice(5) === '0000') return;
    matches.push({ type: 'SSN', start, end: start + value.length, value, normalised: digits });
  }
}
