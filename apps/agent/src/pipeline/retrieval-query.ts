/**
 * What the help center is asked: the customer's words without the order numbers, email addresses,
 * phone numbers and ZIP codes in them, which no article contains and which only dilute the match.
 */
export function retrievalQuery(text: string): string {
  const stripped = text
    .replace(/[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi, ' ')
    .replace(/#?\bW\d{7}\b/gi, ' ')
    .replace(/\+?\d[\d\s().-]{6,}\d/g, ' ')
    .replace(/\b\d{5}(?:-\d{4})?\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return stripped || text;
}
