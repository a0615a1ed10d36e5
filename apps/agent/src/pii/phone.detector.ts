import { CountryCode, findPhoneNumbersInText } from 'libphonenumber-js';
import { PiiDetector } from './pii-detector';
import { PiiMatch } from './pii-entity';
import { isLabelledAsReference } from './reference-label.context';

// Digit groups joined by single spaces, dots, dashes or parentheses, with an optional + or 00 prefix and extension.
const PHONE_SHAPED = /(?<![\w#$€£@./+-])(?:\+|\(\+?)?\d[\d().-]*(?: [\d().-]+)*(?:\s?(?:x|ext\.?)\s?\d{1,5})?(?![\w@]|[.,-]\d)/g;
const MIN_DIGITS = 7;
const MAX_DIGITS = 15;
// The customer says a phone number comes next: "call me on", "Mobile:", "my number is", "text me at".
const CUE_BEFORE = /\b(?:phone|mobile|cell|cellphone|tel|telephone|landline|fax|desk|whatsapp|sms|text|texts|call|ring|reach|contact|dial|number)\b[^\w\n]*(?:\b(?:me|us|him|her|at|on|to|is|my|our|your|the|no|num|number|back|directly)\b[^\w\n]*){0,4}$/i;
// ...or labels it right after: "416 60 039 office", "+46 8 928 571 38 (fax)".
const CUE_AFTER = /^[^\w\n]{0,3}(?:office|fax|mobile|cell|home|work|desk|phone|landline)\b/i;
const LOOK_AROUND = 40;
const DATE_SHAPED = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;

/**
 * Phone numbers: whatever libphonenumber finds as a valid number (national numbers read as `defaultCountry`, others
 * in international form), plus phone-shaped digit runs in other national formats when the words around them say it
 * is a phone number. Numbers labelled as an order or ticket reference are left alone.
 */
export class PhoneDetector implements PiiDetector {
  constructor(private readonly defaultCountry: CountryCode = 'US') {}

  detect(text: string): PiiMatch[] {
    const matches: PiiMatch[] = findPhoneNumbersInText(text, { defaultCountry: this.defaultCountry })
      .filter((found) => !isLabelledAsReference(text, found.startsAt))
      .map((found) => ({
        type: 'PHONE' as const,
        start: found.startsAt,
        end: found.endsAt,
        value: text.slice(found.startsAt, found.endsAt),
        normalised: found.number.number,
      }));
    for (const candidate of text.matchAll(PHONE_SHAPED)) {
      const start = candidate.index;
      const end = start + candidate[0].trimEnd().length;
      if (matches.some((match) => match.start < end && start < match.end)) continue;
      if (this.isCuedPhoneNumber(text, start, end)) {
        const value = text.slice(start, end);
        const normalised = (value.trimStart().startsWith('+') ? '+' : '') + value.replace(/\D/g, '');
        matches.push({ type: 'PHONE', start, end, value, normalised });
      }
    }
    return matches;
  }

  private isCuedPhoneNumber(text: string, start: number, end: number): boolean {
    const value = text.slice(start, end);
    const digitCount = value.replace(/\D/g, '').length;
    if (digitCount < MIN_DIGITS || digitCount > MAX_DIGITS || DATE_SHAPED.test(value)) return false;
    if (isLabelledAsReference(text, start)) return false;
    return CUE_BEFORE.test(text.slice(Math.max(0, start - LOOK_AROUND), start)) || CUE_AFTER.test(text.slice(end, end + LOOK_AROUND));
  }
}
