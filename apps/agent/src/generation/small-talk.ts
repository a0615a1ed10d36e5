/** Words of greetings, thanks and goodbyes; a short message made only of them asks nothing. */
const SMALL_TALK_WORDS = new Set(
  `hi hello hey there good morning afternoon evening thanks thank thx ty you so much very many great ok okay cool perfect awesome
   wonderful excellent nice lovely brilliant cheers bye goodbye see ya have a day that's thats it all for your the help helping
   appreciate appreciated really just got sorted fine`.split(/\s+/),
);

/** Greetings and thanks: no question to ground, nothing to hand off. */
export function isSmallTalk(text: string): boolean {
  if (text.includes('?')) return false;
  const words = text
    .toLowerCase()
    .replace(/[’]/g, "'")
    .split(/[^a-z']+/)
    .filter(Boolean);
  return words.length > 0 && words.length <= 10 && words.every((w) => SMALL_TALK_WORDS.has(w));
}
