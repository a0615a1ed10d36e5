// "order 4155550123", "tracking no. 4111111111111111": a number the customer labels as a reference is not personal data.
const REFERENCE_LABEL = /\b(?:order|invoice|ticket|tracking|case|ref|reference|confirmation|booking|reservation|item|sku|model|serial|account|acct|member|membership|customer|policy|loyalty|zip|postcode|postal code)(?:\s*(?:number|no\.?|num|id|code))?\s*(?:is|was)?\s*[:#]?\s*$/i;
const LOOK_BEHIND = 32;

/** Whether the text just before `start` (same line) labels what follows as an order, ticket or other reference number. */
export function isLabelledAsReference(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - LOOK_BEHIND), start);
  return REFERENCE_LABEL.test(before.slice(before.lastIndexOf('\n') + 1));
}
