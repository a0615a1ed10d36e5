import { Message } from '@support/conversation';

const ORDER_ID = /#?\bW\d{7}\b/gi;
const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi;
const ZIP = /\b\d{5}(?:-\d{4})?\b/g;

/** Order numbers, emails and ZIP codes the customer has typed, newest first. */
export interface CustomerDetails {
  orderIds: string[];
  emails: string[];
  zips: string[];
}

export function extractCustomerDetails(text: string, history: Message[] = []): CustomerDetails {
  const customerTexts = [
    text,
    ...history
      .filter((m) => m.author === 'customer')
      .map((m) => m.text)
      .reverse(),
  ];
  const collect = (pattern: RegExp, normalise: (s: string) => string) => [
    ...new Set(customerTexts.flatMap((t) => [...t.matchAll(pattern)].map((m) => normalise(m[0])))),
  ];
  return {
    orderIds: collect(ORDER_ID, (id) => `#${id.replace('#', '').toUpperCase()}`),
    emails: collect(EMAIL, (e) => e.toLowerCase()),
    zips: collect(ZIP, (z) => z.slice(0, 5)),
  };
}
