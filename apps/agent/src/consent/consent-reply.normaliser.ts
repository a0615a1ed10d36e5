/** One clause of a reply: its words, lower-case and spelled canonically, and whether it ended in a question mark. */
export interface ReplyClause {
  words: string[];
  asked: boolean;
}

/** Emoji that carry an answer become words the lexicon knows; every other emoji is dropped. */
const EMOJI_WORDS: [RegExp, string][] = [
  [/[👍👌✅✔☑]/gu, ' emoji_yes '],
  [/[👎❌✖🚫⛔🙅]/gu, ' emoji_no '],
  [/[🤔🤷😕]/gu, ' emoji_hedge '],
  [/[🙄😒🙃😏]/gu, ' emoji_eyeroll '],
  [/🙏/gu, ' emoji_thanks '],
  [/🆗/gu, ' ok '],
];
// Joiners and skin tones are listed on their own on purpose: each is dropped wherever it stands.
// eslint-disable-next-line no-misleading-character-class
const OTHER_EMOJI = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u200D\uFE0F]/gu;
const COMBINING_MARKS = /\p{M}/gu;
/** Soft hyphens, zero-width and direction marks: invisible, so they must not split "don't" into "d ont". */
const INVISIBLE = /\p{Cf}/gu;
/** "yeah right" (also "oh, right") is sarcasm; "yeah, that's right" and "yes, right away" are not. */
const SARCASTIC_RIGHT = /\b(?:yeah|yea|ya|yeh|oh|sure)[\s,.!]*right\b(?![\s,.!]*(?:away|now|then|there|here|back))/g;
const TOKEN = /[\p{L}\p{N}_]+(?:'[\p{L}\p{N}_]+)*|[.,;:!?\n]/gu;

/** Short answers people stretch ("yesss", "nooo", "okkk"); a stretched word is read as the plain one. */
const STRETCHABLE = new Set([
  'yes',
  'yep',
  'yup',
  'yeah',
  'yea',
  'ya',
  'yas',
  'no',
  'nope',
  'nah',
  'ok',
  'okay',
  'k',
  'sure',
  'please',
  'pls',
  'plz',
  'hm',
  'um',
  'uh',
  'mhm',
  'so',
  'si',
  'ja',
  'oui',
  'non',
  'nein',
  'sim',
  'nao',
  'thanks',
  'thx',
  'bye',
]);

/** Spellings without apostrophes and chat shorthand, mapped to the form the lexicon uses. */
const CANONICAL: Record<string, string> = {
  dont: "don't",
  didnt: "didn't",
  doesnt: "doesn't",
  cant: "can't",
  wont: "won't",
  isnt: "isn't",
  arent: "aren't",
  wasnt: "wasn't",
  werent: "weren't",
  havent: "haven't",
  hasnt: "hasn't",
  shouldnt: "shouldn't",
  wouldnt: "wouldn't",
  couldnt: "couldn't",
  im: "i'm",
  ive: "i've",
  thats: "that's",
  whats: "what's",
  lets: "let's",
  youre: "you're",
  theyre: "they're",
  u: 'you',
  ur: 'your',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  ty: 'thanks',
  tysm: 'thanks',
  k: 'ok',
  kk: 'ok',
  okay: 'ok',
  okey: 'ok',
  okie: 'ok',
  oki: 'ok',
  okk: 'ok',
  yea: 'yeah',
  yeh: 'yeah',
  yah: 'yeah',
  ye: 'yeah',
  yh: 'yeah',
  ya: 'yeah',
  yas: 'yes',
  yse: 'yes',
  cancle: 'cancel',
  nvm: 'nevermind',
};

/** Lower-cases the reply, straightens quotes, strips accents and emoji, and splits it into clauses at punctuation. */
export function splitReplyIntoClauses(reply: string): ReplyClause[] {
  const clauses: ReplyClause[] = [];
  let words: string[] = [];
  for (const token of normalise(reply).match(TOKEN) ?? []) {
    if (!/^[.,;:!?\n]$/.test(token)) {
      words.push(canonicalWord(token));
      continue;
    }
    if (words.length > 0) clauses.push({ words: spelledOut(words), asked: token === '?' });
    else if (token === '?' && clauses.length > 0) clauses[clauses.length - 1].asked = true;
    words = [];
  }
  if (words.length > 0) clauses.push({ words: spelledOut(words), asked: false });
  return clauses;
}

/** "y" and "n" are an answer only on their own ("Reply Y to confirm"); in a sentence they are "why" and "and". */
function spelledOut(words: string[]): string[] {
  if (words.length !== 1) return words;
  return words[0] === 'y' ? ['yes'] : words[0] === 'n' ? ['no'] : words;
}

function normalise(reply: string): string {
  let text = reply
    .replace(INVISIBLE, '')
    .replace(/[‘’‚‛ʼ`´]/g, "'")
    .replace(/[“”„]/g, '"');
  for (const [emoji, word] of EMOJI_WORDS) text = text.replace(emoji, word);
  return text
    .replace(OTHER_EMOJI, ' ')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/\s[-–—]+\s|[–—…]/g, ' . ')
    .replace(/-/g, ' ')
    .replace(SARCASTIC_RIGHT, ' yeah_right ');
}

function canonicalWord(token: string): string {
  const stretched = /(.)\1\1|(.)\2$/.test(token);
  const squeezed = stretched ? token.replace(/(.)\1+/g, '$1') : token;
  const word = STRETCHABLE.has(squeezed) ? squeezed : token.replace(/(.)\1{2,}/g, '$1$1');
  return CANONICAL[word] ?? word;
}
