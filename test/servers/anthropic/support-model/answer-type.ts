/** What kind of fact a question asks for, and whether a sentence holds one: "how much" wants a price ($5.99, not "$50 or more"). */
const KINDS: Array<{ asks: RegExp; holds: RegExp }> = [
  { asks: /\bhow much\b|\bcost|\bprice|\bfee\b|\bcharge|\bpay for\b/i, holds: /\$\d+\.\d{2}\b/ },
  {
    asks: /\bhow long\b|\bhow soon\b|\bwhen will\b|\btimeline|\bexpire|\bwhere('s| is) my refund\b/i,
    holds: /\b\d+\s*(?:[–-]\s*\d+\s*)?(?:business )?(?:days?|weeks?|months?|years?)\b|\bimmediately\b|\bnever\b/i,
  },
  { asks: /\bhours\b|\bwhat time\b|\bopen\b/i, holds: /\d{1,2}:\d{2}|\b[ap]\.m\.|\bET\b/ },
];

export function answersKind(question: string, sentence: string): boolean {
  return KINDS.some((kind) => kind.asks.test(question) && kind.holds.test(sentence));
}

/** The question asks for a kind of fact (a price, a duration, a time) that the sentence does not give. */
export function missesKind(question: string, sentence: string): boolean {
  const asked = KINDS.filter((kind) => kind.asks.test(question));
  return asked.length > 0 && !asked.some((kind) => kind.holds.test(sentence));
}
