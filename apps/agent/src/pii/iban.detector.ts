import { PiiDetector } from './pii-detector';
import { PiiMatch } from './pii-entity';

// Country code, two check digits, then 11 to 30 letters or digits, printed solid or in groups of four (spaces or dashes).
const IBAN_CANDIDATE = /(?<![\w-])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,30}(?![\w]|-[A-Z0-9])/gi;

/** IBANs that pass the ISO 13616 mod-97 check, which rejects almost every mistyped or made-up one. */
export class IbanDetector implements PiiDetector {
  detect(text: string): PiiMatch[] {
    const matches: PiiMatch[] = [];
    for (const candidate of text.matchAll(IBAN_CANDIDATE)) {
      // The candidate may run on into the next word ("GB82WEST12345698765432 ASAP"); try shorter ends at group breaks.
      for (let length = candidate[0].length; length >= 15; length = lastBreakBefore(candidate[0], length)) {
        const value = candidate[0].slice(0, length);
        const compact = value.replace(/[ -]/g, '').toUpperCase();
        if (compact.length >= 15 && compact.length <= 34 && passesMod97(compact)) {
          matches.push({ type: 'IBAN', start: candidate.index, end: candidate.index + length, value, normalised: compact });
          break;
        }
      }
    }
    return matches;
  }
}

function lastBreakBefore(candidate: string, length: number): number {
  return Math.max(candidate.lastIndexOf(' ', length - 1), candidate.lastIndexOf('-', length - 1));
}

export function passesMod97(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const code = character.charCodeAt(0);
    const digits = code >= 65 ? String(code - 55) : character;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
