import { PiiDetector } from './pii-detector';
import { PiiMatch } from './pii-entity';
import { isLabelledAsReference } from './reference-label.context';

// 12 to 19 digits (ISO/IEC 7812 card numbers), solid or grouped with a space, a dot, a dash or one line break.
const CARD_SHAPED = /(?<![\w+-])\d(?:(?:[ .-]| - |[ \t]*\r?\n[ \t]*)?\d){11,18}(?![\w]|[.-]\d)/g;
const MIN_DIGITS = 13;
const MAX_DIGITS = 19;
/** "4111 1111 1111 1111 2 items", "qty 2 4111 …": a neighbouring number or two, not a long run of them. */
const MAX_DROPPED_GROUPS = 2;
// Across a line break only the groupings printed on cards: 4-4-4-4(-3), 4-6-5 (Amex), 4-6-4 (Diners).
const PRINTED_GROUPING = /^\d{4}\D+(?:\d{4}\D+\d{4}\D+\d{1,4}(?:\D+\d{1,3})?|\d{6}\D+\d{4,5})$/;
// The first digit names the industry (ISO/IEC 7812): 1 and 2 airlines (and Mastercard's 2-series), 3 travel (Amex, JCB,
// Diners), 4 and 5 banking, 6 merchandising (Discover, Maestro); 0, 7, 8 and 9 are not payment cards.
const ISSUED_CARD = /^[1-6]/;
// Maestro issues 12-digit cards (IIN 50, 56-69 and 0604); no other scheme goes below 13 digits.
const TWELVE_DIGIT_CARD = /^(?:50|5[6-9]|6\d|0604)\d{8,10}$/;

/**
 * Card numbers that pass the Luhn check; about one in ten random digit strings would too, hence the reference-label
 * guard. A run that takes in a neighbouring number ("4111 1111 1111 1111 2 items") is tried without one or two of its
 * outer groups.
 */
export class PaymentCardDetector implements PiiDetector {
  detect(text: string): PiiMatch[] {
    const matches: PiiMatch[] = [];
    for (const candidate of text.matchAll(CARD_SHAPED)) {
      const found = this.cardIn(text, candidate.index, candidate[0]);
      if (found) matches.push(found);
    }
    return matches;
  }

  private cardIn(text: string, start: number, candidate: string): PiiMatch | null {
    const groups = Array.from(candidate.matchAll(/\d+/g), (group) => ({ start: group.index, end: group.index + group[0].length }));
    const last = groups.length - 1;
    const drops = Array.from({ length: Math.min(MAX_DROPPED_GROUPS, last) + 1 }, (_, dropped) => dropped);
    const spans = [...drops.map((dropped) => [0, last - dropped]), ...drops.slice(1).map((dropped) => [dropped, last])];
    for (const [first, final] of spans) {
      const [from, to] = [groups[first].start, groups[final].end];
      const value = candidate.slice(from, to);
      if (this.isCardNumber(value) && !isLabelledAsReference(text, start + from)) {
        return { type: 'CARD', start: start + from, end: start + to, value, normalised: value.replace(/\D/g, '') };
      }
    }
    return null;
  }

  private isCardNumber(value: string): boolean {
    const digits = value.replace(/\D/g, '');
    if (digits.length > MAX_DIGITS || !(digits.length < MIN_DIGITS ? TWELVE_DIGIT_CARD : ISSUED_CARD).test(digits)) return false;
    if (value.includes('\n') && !PRINTED_GROUPING.test(value)) return false;
    return passesLuhn(digits) && !/^(\d)\1+$/.test(digits);
  }
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
