// "order 4155550123", "tracking no. 4111111111111111", "sizes 38 39 40 41", "suite 541 6343": a number the customer
// labels as a reference, a code, a quantity or part of an address is not personal data; nor is the next one in a list
// after it ("orders 1234 5678 and 2345 6789").
const LABEL =
  '(?:order|purchase|payment|invoice|ticket|tracking|case|ref|reference|confirmation|booking|reservation|item|sku|model|serial|account|acct|member|membership|customer|policy|loyalty|zip|postcode|postal code|product|part|batch|lot|rma|parcel|package|shipment|transaction|receipt|voucher|coupon|error|size|qty|quantity|quantities|page|room|seat|version|apt|apartment|suite|ste|unit|flat|floor|building|bldg|box)';
const LABEL_SUFFIX = '(?:s|es)?\\.?(?:\\s*(?:number|no\\.?|num|id|code)s?)?\\s*(?:is|was|are|were)?\\s*[:#]?\\s*';
const EARLIER_IN_LIST = '(?:#?[A-Z]*\\d[\\w-]*(?: \\d+)*\\s*(?:,|&|/|\\band\\b|\\bor\\b)\\s*#?)*';
const REFERENCE_LABEL = new RegExp(`\\b${LABEL}${LABEL_SUFFIX}${EARLIER_IN_LIST}$`, 'i');
const LOOK_BEHIND = 64;

/** Whether the text just before `start` (same line) labels what follows as an order, ticket or other reference number. */
export function isLabelledAsReference(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - LOOK_BEHIND), start);
  const line = before.slice(before.lastIndexOf('\n') + 1);
  return /[a-z]/i.test(line) && REFERENCE_LABEL.test(line);
}
