import { CountryCode, isValidPhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js';
import { isNumberLookalike, isPostcodeShaped } from './number-lookalike.guard';
import { PiiDetector } from './pii-detector';
import { PiiMatch } from './pii-entity';
import { isCuedAsPhoneNumber, isIntroducedAsPhoneNumber } from './phone-cue.context';
import { PhoneShape, phoneShapeOf } from './phone-number.shape';
import { isLabelledAsReference } from './reference-label.context';

// Digit groups joined by a space or two, a dot, a dash, a slash, parentheses or one line break, with an optional +,
// 00 or ( prefix and an extension; never inside a word, an order reference (#W…), a price, a path or a version.
const GROUP = String.raw`(?:[\d().-]|\/(?=\d))`;
const PHONE_SHAPED = new RegExp(
  String.raw`(?<![\w#$€£¥@./+-]|\d:)(?:\+|\(\+?)?\d${GROUP}*(?:(?: {1,2}|[ \t]*\r?\n[ \t]*)${GROUP}+)*(?:\s?(?:x|ext\.?|extension)\s?\d{1,5})?(?![\w@]|[.,-]\d)`,
  'gi',
);
const EXTENSION = /\s?(?:x|ext\.?|extension)\s?\d{1,5}$/i;
const MIN_DIGITS = 7;
const MAX_DIGITS = 15;
/** Shapes no date, amount, address or reference takes: a phone number wherever it stands. */
const ALWAYS_PHONE: PhoneShape[] = ['international', 'area-code', 'north-american', 'trunk-grouped', 'digit-groups'];
/** Shapes a street address also takes ("370 3911 Fourth Avenue"): a phone number unless a street name follows. */
const PHONE_UNLESS_ADDRESS: PhoneShape[] = ['trunk-pair', 'short-pair'];
// Words that may follow a phone number in a sentence, unlike the street name after a house number.
const CLAUSE_GOES_ON =
  /^(?:or|and|if|for|to|please|thanks|thank|anytime|today|tonight|tomorrow|after|before|between|from|until|in|on|at|during|instead|asap|now|but|so|which|that|as|is|was|i|i'm|i'll|it|it's|mon|tue|wed|thu|fri|sat|sun)$|day$/i;
const STREET_WORD =
  /^(?:street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|way|place|pl|close|court|ct|crescent|terrace|square|sq|highway|hwy|parkway|pkwy|alley|rue|straße|strasse|str|gasse|weg|vej|veien|gata|gatan|calle|avenida|rua|via|viale|piazza|laan|straat|plein)\.?$/i;
// Regions whose national numbers a bare run of digits starting with a trunk 0 is checked against.
const NATIONAL_REGIONS: CountryCode[] = ['US', 'GB', 'AU', 'BR', 'CA', 'DE', 'FR', 'IN', 'ES', 'IT', 'MX'];

/**
 * Phone numbers as people write them: international numbers, national numbers in the usual groupings of many
 * countries (with or without a trunk 0 or an area code in parentheses), and any other run of 7 to 15 digits the
 * words around it call a phone number. Dates, amounts, postcodes, addresses and labelled references are left alone.
 */
export class PhoneDetector implements PiiDetector {
  constructor(private readonly defaultCountry: CountryCode = 'US') {}

  detect(text: string): PiiMatch[] {
    const matches: PiiMatch[] = [];
    for (const candidate of text.matchAll(PHONE_SHAPED)) {
      const perLine = candidate[0].includes('\n') ? this.phoneNumbersPerLine(text, candidate.index, candidate[0]) : [];
      const found = perLine.length ? null : this.phoneNumberAt(text, candidate.index, candidate.index + trimmedLength(candidate[0]));
      matches.push(...perLine, ...(found ? [found] : []));
    }
    return matches;
  }

  /**
   * Digits over several lines are read line by line first ("70651\n082 490 1693" is a postcode above a phone number);
   * only when no line holds a phone number is the whole taken as one broken over lines ("555-867-\n5309").
   */
  private phoneNumbersPerLine(text: string, start: number, candidate: string): PiiMatch[] {
    const found: PiiMatch[] = [];
    let offset = 0;
    for (const line of candidate.split('\n')) {
      const lineStart = start + offset + (line.length - line.trimStart().length);
      const match = this.phoneNumberAt(text, lineStart, lineStart + trimmedLength(line.trimStart()));
      if (match) found.push(match);
      offset += line.length + 1;
    }
    return found;
  }

  private phoneNumberAt(text: string, start: number, end: number): PiiMatch | null {
    if (end <= start) return null;
    const value = text.slice(start, end);
    const number = value.replace(EXTENSION, '');
    const digits = number.replace(/\D/g, '');
    if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return null;
    if (isNumberLookalike(text, start, start + number.length)) return null;
    // No reference number starts with "+": "account +44 7700 900123" is the account's phone number.
    if (!number.startsWith('+') && isLabelledAsReference(text, start)) return null;
    if (isPostcodeShaped(number) && !isIntroducedAsPhoneNumber(text, start)) return null;
    if (!this.readsAsPhoneNumber(text, start, end, number, digits)) return null;
    return { type: 'PHONE', start, end, value, normalised: this.normalised(number, digits) };
  }

  private readsAsPhoneNumber(text: string, start: number, end: number, number: string, digits: string): boolean {
    const shape = phoneShapeOf(number);
    if (ALWAYS_PHONE.includes(shape)) return true;
    if (isCuedAsPhoneNumber(text, start, end)) return true;
    if (PHONE_UNLESS_ADDRESS.includes(shape)) return !followedByStreetName(text, end);
    return shape === 'solid' && this.isValidNationalNumber(digits);
  }

  /** A bare run of digits is a phone number when valid here (10 digits in the US) or a trunk 0 number valid in a region. */
  private isValidNationalNumber(digits: string): boolean {
    if (isValidPhoneNumber(digits, this.defaultCountry)) return true;
    return /^0[1-9]\d{8,9}$/.test(digits) && NATIONAL_REGIONS.some((region) => isValidPhoneNumber(digits, region));
  }

  /** One number written two ways ("415-555-0132", "+1 415 555 0132") gets one normalised form. */
  private normalised(number: string, digits: string): string {
    const parsed = parsePhoneNumberFromString(number.replace(/\s+/g, ' '), this.defaultCountry);
    if (parsed?.isValid()) return parsed.number;
    return (number.trimStart().startsWith('+') ? '+' : '') + digits;
  }
}

/** The candidate without the trailing dots, dashes, spaces or unopened parenthesis that end the sentence around it. */
function trimmedLength(candidate: string): number {
  let length = candidate.length;
  while (length > 0 && /[\s.(-]/.test(candidate[length - 1])) length--;
  if (candidate[length - 1] === ')' && !candidate.slice(0, length).includes('(')) length--;
  return length;
}

/** "370 3911 Fourth Avenue", "3747 3911 fourth avenue", "913 0547 bygget 91": a street follows, not the sentence. */
function followedByStreetName(text: string, end: number): boolean {
  const next = /^[ \t]*([^\W\d_][\w'’-]*)(?:[ \t]+(?:([^\W\d_][\w'’.-]*)|(\d{1,4})\b))?/.exec(text.slice(end, end + 40));
  if (!next || CLAUSE_GOES_ON.test(next[1])) return false;
  const [, word, secondWord, houseNumber] = next;
  const streetWord = [word, secondWord].some((w) => w !== undefined && STREET_WORD.test(w));
  return /^[A-Z]/.test(word) || houseNumber !== undefined || streetWord;
}
