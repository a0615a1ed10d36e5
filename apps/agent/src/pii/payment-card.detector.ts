import { PiiDetector } from './pii-detector';
import { PiiMatch } from './pii-entity';
import { isLabelledAsReference } from './reference-label.context';

// 13 to 19 digits (ISO/IEC 7812 card numbers), optionally grouped with single spaces or dashes.
const CARD_NUMBER = /(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w]|-\d)/g;

/** Card numbers that pass the Luhn check; about one in ten random digit strings would too, hence the reference-label guard. */
export class PaymentCardDetector implements PiiDetector {
  detect(text: string): PiiMatch[] {
    const matches: PiiMatch[] = [];
    for (const match of text.matchAll(CARD_NUMBER)) {
      const digits = match[0].replace(/\D/g, '');
      if (!passesLuhn(digits) || /^(\d)\1+$/.test(digits) || isLabelledAsReference(text, match.index)) continue;
      matches.push({ type: 'CARD', start: match.index, end: match.index + match[0].length, value: match[0], normalised: digits });
    }
    return matches;
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
