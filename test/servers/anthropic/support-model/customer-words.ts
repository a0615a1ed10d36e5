/** What a customer's message asks for, read the way a support model reads it. */

const ORDER_ID = /#?\b(W\d{7})\b/gi;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[EMAIL_\d+\]/g;
const ZIP = /\b(?:zip(?: code)?(?: is)?:?\s*)(\d{5})\b/gi;

export function orderIdsIn(text: string): string[] {
  return [...text.matchAll(ORDER_ID)].map((m) => `#${m[1].toUpperCase()}`);
}

export function lastEmailIn(texts: string[]): string | undefined {
  return texts.flatMap((t) => t.match(EMAIL) ?? []).at(-1);
}

export function lastZipIn(texts: string[]): string | undefined {
  return texts.flatMap((t) => [...t.matchAll(ZIP)].map((m) => m[1])).at(-1);
}

export function asksForPerson(text: string): boolean {
  return /\b(speak|talk|chat|connect|transfer)\b.*\b(person|human|agent|someone|representative|manager)\b|\breal person\b|\bhuman agent\b/i.test(text);
}

export function asksForInstructions(text: string): boolean {
  return /\b(system prompt|your (instructions|prompt|rules)|instructions word for word)\b/i.test(text);
}

export function asksForOrderList(text: string): boolean {
  return /\b(what|which|other|all|list)\b[^.?!]*\borders\b/i.test(text);
}

/** Unhappiness without a question the help center could answer. */
export function isComplaint(text: string): boolean {
  return /\b(worst|terrible|awful|angry|useless|ridiculous|unacceptable|disappointed|fed up|keeps happening)\b/i.test(text);
}

export function isSmallTalk(text: string): boolean {
  return text.length < 60 && /^\s*(great|thanks|thank you|ok(ay)?|perfect|cool|awesome|bye|goodbye|cheers)\b/i.test(text);
}

/** Topics whose rules the shop's policies state: the model looks the policy up before answering. */
export function needsPolicy(text: string): boolean {
  return /\b(refund|return|cancel|exchange|warrant|compensat|late|damag|broke|crack|defect|stopped working|fee|lost|never (came|arrived)|has ?n[o']t (come|arrived)|supposed to arrive)/i.test(
    text,
  );
}

/** Returns, refunds, cancelling, exchanges, warranty, damage, compensation: the topics whose policies are families of their own. */
export function aboutRuleFamily(text: string): boolean {
  return /\b(return|refund|cancel|exchange|warrant|damag|compensat)/i.test(text);
}

/** A message that goes on about an order named earlier ("it still hasn't come", "it's grace@…"). */
export function followsUpOnOrder(text: string): boolean {
  return EMAIL.test(text) || /\bzip\b/i.test(text) || /\b(it|package|parcel|arriv|deliver|come|came|late|track|stopped|broke)/i.test(text);
}

/** What a model knows a complaint is about, in the help center's words. */
const MEANINGS: Array<[RegExp, string]> = [
  [/stopped working|broke|faulty|doesn'?t work|won'?t (turn on|charge)/i, 'warranty defect'],
  [/\blate\b|has ?n[o']t (come|arrived)|still (hasn'?t|not)|supposed to arrive|never (came|arrived)/i, 'late package'],
  [/crack|damaged|arrived broken|dent/i, 'damaged defective report replace'],
  [/charged twice|double charge/i, 'payment charged'],
  [/sent (it |them )?back|refund for/i, 'returned refund'],
  [/\b(canada|mexico|uk|england|europe|australia|abroad|overseas|internationally|hawaii|alaska|puerto rico)\b/i, 'ship internationally only US states'],
];

/** The help center's words for what the customer describes. */
export function meaningOf(text: string): string {
  return MEANINGS.filter(([pattern]) => pattern.test(text))
    .map(([, words]) => words)
    .join(' ');
}

/** The question without order numbers, contact details and placeholders: what it is about. */
export function questionTopic(text: string): string {
  return text
    .replace(/\b(my )?(e-?mail( address)?|zip( code)?)( is|:)?\s*(\[[A-Z_]+_\d+\]|\S+@\S+|\d{5})/gi, ' ')
    .replace(ORDER_ID, ' ')
    .replace(/\bPOL-[A-Z0-9-]+/g, ' ')
    .replace(EMAIL, ' ')
    .replace(/\[[A-Z_]+_\d+\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
