/**
 * How a run of digits is grouped, from the most to the least phone-like:
 * - `international`: "+41 (0)38 549 02 90", "0049 30 901820"
 * - `area-code`: "(08) 8747 6301", "(602)272-9781", "8 (912) 345-67-89"
 * - `north-american`: "555.867.5309", "1-800-555-0199", "1 (415) 555-0132", "415/555-0132"
 * - `trunk-grouped`: a national number with its trunk 0 in three or more groups, "0688 872 49 99", "01.84.17.61.18"
 * - `digit-groups`: three or more groups of two to five digits, "699 956 915", "71-33-52-22", "11 98765-4321"; the
 *   first may be a single trunk digit, "8 912 345 67 89"
 * - `trunk-pair`: a trunk 0 number in two groups, "07700 900123", "0961-7596216"
 * - `short-pair`: a number in two groups, the second of four or more digits and no shorter than the first, "467 3395",
 *   "9472 7916", "99 668472", "347 1234567"; not a house number and postcode ("675 62314")
 * - `solid`: no separators, "4155550132"
 * - `other`: any other grouping, such as a postcode and house number ("17151 2450")
 */
export type PhoneShape = 'international' | 'area-code' | 'north-american' | 'trunk-grouped' | 'digit-groups' | 'trunk-pair' | 'short-pair' | 'solid' | 'other';

// "+…", "(+…", or "00…" when grouped or long enough ("0049 30 901820", "00442079460958"; not "purchase 00123842").
const INTERNATIONAL = /^(?:\+|\(\+|00[1-9]\d*\D+\d|00[1-9]\d{8})/;
const AREA_CODE = /^(?:\d ?)?\(0?\d{1,5}\)[ -]?\d/;
const NORTH_AMERICAN = /^(?:1[-. ]?)?(?:\(\d{3}\)[-. ]?|\d{3}[-. /])\d{3}[-. ]\d{4}$/;
// "1 234 567": a number in thousands, which a leading one-digit group with three-digit groups after it reads as.
const THOUSANDS = /^\d(?:[ .,]\d{3})+$/;
const YEAR_PAIR = /^(?:19|20)\d\d\D+(?:19|20)\d\d$/;
const PAIR_SEPARATOR = /^\d+(?: {1,2}|-| - )\d+$/;

/** The grouping of a phone-number candidate (digits, separators and parentheses only; no extension). */
export function phoneShapeOf(value: string): PhoneShape {
  if (INTERNATIONAL.test(value)) return 'international';
  if (AREA_CODE.test(value)) return 'area-code';
  const compact = value.replace(/\s*\n\s*/g, ' ');
  if (NORTH_AMERICAN.test(compact)) return 'north-american';
  const groups = compact.split(/\D+/).filter(Boolean);
  if (groups.length === 1) return 'solid';
  const trunk = /^0[1-9]/.test(groups[0]);
  if (groups.length >= 3) {
    if (trunk) return 'trunk-grouped';
    if (groups.slice(1).every((group) => group.length >= 2 && group.length <= 5) && (groups[0].length >= 2 || !THOUSANDS.test(compact))) {
      return 'digit-groups';
    }
    return 'other';
  }
  // Two groups joined by a dot or a slash are a decimal or a fraction ("35.028028", "1000/1000"), not a phone number.
  if (!PAIR_SEPARATOR.test(compact)) return 'other';
  if (trunk) return 'trunk-pair';
  if (isShortPair(groups[0].length, groups[1].length) && !YEAR_PAIR.test(compact)) return 'short-pair';
  return 'other';
}

function isShortPair(first: number, second: number): boolean {
  return first >= 2 && second >= 4 && second >= first && second <= 8 && first + second <= 11 && !(second === 5 && first < 5);
}
