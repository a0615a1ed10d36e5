import { stem } from '../../../../knowledge/src/embedding/word-tokens';

/** Words that say nothing about what a support question is about. */
const GENERIC = new Set(
  (
    'a an the and or but if so to of for on in at by with from into about as is are was were be been being am do does did done ' +
    'i me my mine you your yours we us our ours it its they them their he she his her this that these those there here ' +
    'can could would should will shall may might must have has had get got getting want wanted need needed like please hi hello hey ' +
    'thanks thank how what when where why which who whom whose any some all one ever still just also too very much many long ' +
    'order orders item items product products shop store tell know let help yes no not now today again really actually ' +
    'im ive id dont cant wont isnt doesnt didnt between instead each every other customer take back get go more than less keep happen sent show up'
  ).split(' '),
);

const GENERIC_STEMS = new Set([...GENERIC].map(stem));

/** Lower-case word stems ("Shipping" → "ship"), by the same light stemmer the help-center search uses. */
export function stems(text: string): string[] {
  const words = text.toLowerCase().replace(/['’]/g, '').replace(PHRASAL, '$1$2');
  return (words.match(/[a-z0-9$]+/g) ?? []).map((word) => SAME_MEANING[word] ?? stem(word));
}

/** Words the help center uses for the same thing. */
const SAME_MEANING: Record<string, string> = { fee: 'cost', fees: 'cost', price: 'cost', prices: 'cost', costs: 'cost' };

/** "Pick up" is not "pick": a verb and its particle are one word. */
const PHRASAL = /\b(pick|sign|log|set|look|check|turn|show) (up|in|out|on|off)\b/g;

/** The question's own terms: its word stems, less the ones every support question shares. */
export function distinctiveTerms(question: string): Set<string> {
  return new Set(stems(question).filter((t) => !GENERIC_STEMS.has(t) && !/^\d+$/.test(t) && t.length > 1));
}
