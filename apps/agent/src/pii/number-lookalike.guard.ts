// Numbers with the digits and separators of a phone or card number that are something else.
const LOOKALIKES = [
  /^(?:19|20)\d\d([-./ ])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?!\d)/, // 2024-05-01, maybe with a time after it
  /^\d{1,2}([-./])\d{1,2}\1\d{2,4}$/, // 05/01/2024, 01.05.24
  /^(?:0?[1-9]|[12]\d|3[01])([-./ ])(?:0?[1-9]|[12]\d|3[01])\1(?:19|20)\d\d(?!\d)/, // 12-03-1998 12:20
  /^\d{1,3}(?:\.\d{1,3}){3}$/, // IPv4
  /^\d{3}-\d{2}-\d{4}$/, // US SSN shape, issuable or not
  /^\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?$/, // 1.234.567, 1,234,567.89
];
// US ZIP+4, Brazilian and Portuguese postcodes; a Brazilian mobile is also written 98765-4321, so a cue can overrule this.
const POSTCODE = /^(?:\d{5}-\d{4}|\d{4,5}-\d{3})$/;
const CURRENCY_BEFORE = /(?:[$€£¥₹]|\b(?:usd|eur|gbp|aud|cad|chf|inr|brl|mxn|rs|kr)\.?)\s?$/i;
const AMOUNT_OR_TIME_AFTER =
  /^(?:\s?(?:[$€£¥₹%]|(?:usd|eur|gbp|aud|cad|chf|inr|brl|mxn|kr|dollars?|euros?|pounds?|cents?|kg|km|mi|miles|lbs?|g|mm|cm|m|ml|l|pcs|units?|items?|pieces?)\b)|:\d)/i;

/** Whether the number at `start`..`end` of `text` is a date, amount, time, IP address or SSN-shaped, never a phone number. */
export function isNumberLookalike(text: string, start: number, end: number): boolean {
  const value = text.slice(start, end).replace(/^\(|\)$/g, '');
  if (LOOKALIKES.some((shape) => shape.test(value))) return true;
  return CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 5), start)) || AMOUNT_OR_TIME_AFTER.test(text.slice(end, end + 12));
}

export function isPostcodeShaped(value: string): boolean {
  return POSTCODE.test(value);
}
