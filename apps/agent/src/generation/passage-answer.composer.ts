import { Passage } from '@support/knowledge';

const STOP_WORDS = new Set(
  'a an and are as at be but by can do does for from have how i if in is it my of on or our the to what when where which who why will with you your'.split(' '),
);
const POLICY_ID = /POL-[A-Z0-9-]+/g;
/** Sentences about the article itself say nothing to the customer. */
const ABOUT_THE_PAGE = /^(this (page|article|guide) (explains|describes|covers)|see also|related:?$)/i;

export interface ComposerOptions {
  /** Passages of the chosen article scoring within this of its best one are read too. */
  scoreWindow: number;
  maxPassages: number;
  maxSentences: number;
}

const DEFAULTS: ComposerOptions = { scoreWindow: 0.2, maxPassages: 5, maxSentences: 3 };

/**
 * An extractive answer from one article, the one the passages point to most: its sentences that
 * share most words with the question (a sentence that states a policy counts a little more), with
 * their policy ids and source. Nothing is written that the help center does not say.
 */
export function composeAnswerFromPassages(
  question: string,
  passages: Passage[],
  options: Partial<ComposerOptions> = {},
): { text: string; policyIds: string[]; passageIds: string[] } {
  const { scoreWindow, maxPassages, maxSentences } = { ...DEFAULTS, ...options };
  const article = strongestArticle(passages);
  const ofArticle = passages.filter((p) => p.articleId === article);
  const candidates = ofArticle.filter((p) => p.score >= ofArticle[0].score - scoreWindow).slice(0, maxPassages);
  const questionTerms = new Set(terms(question));
  const chosen = candidates
    .flatMap((passage, rank) =>
      splitSentences(passage.text).map((sentence, index) => ({
        passage,
        rank,
        index,
        sentence,
        weight: terms(sentence).filter((t) => questionTerms.has(t)).length + (/POL-[A-Z0-9-]+/.test(sentence) ? 1 : 0) - rank * 0.25,
      })),
    )
    .filter((s) => s.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.rank - b.rank || a.index - b.index)
    .slice(0, maxSentences)
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  if (!chosen.length) chosen.push({ passage: candidates[0], rank: 0, index: 0, sentence: splitSentences(candidates[0].text)[0] ?? candidates[0].text, weight: 0 });
  const used = [...new Map(chosen.map((s) => [s.passage.articleId, s.passage])).values()];
  let text = chosen.map((s) => s.sentence).join(' ');
  // The passages the sentences come from state these policies: cite them even when the chosen sentences do not repeat the id.
  const unstated = [...new Set(chosen.flatMap((s) => s.passage.policyIds))].filter((id) => !text.includes(id));
  if (unstated.length) text += ` (policy ${unstated.join(', ')})`;
  const sources = used.map((p) => (p.url ? `"${p.title}" (${p.url})` : `"${p.title}"`)).join(' and ');
  return {
    text: `${text}\n\nMore in our help center: ${sources}.`,
    policyIds: [...new Set(text.match(POLICY_ID) ?? [])],
    passageIds: [...new Set(chosen.map((s) => s.passage.id))],
  };
}

/** Several good passages from one article beat one from each of several. */
function strongestArticle(passages: Passage[]): string {
  const scores = new Map<string, number[]>();
  for (const p of passages) scores.set(p.articleId, [...(scores.get(p.articleId) ?? []), p.score]);
  const weight = (s: number[]) => s.slice(0, 3).reduce((sum, score, i) => sum + score / 2 ** i, 0);
  return [...scores.entries()].sort((a, b) => weight(b[1]) - weight(a[1]))[0][0];
}

function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.replace(/^\s*(#+|[-*]|\d+\.)\s+/, '').replace(/\*\*/g, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').trim())
    .filter((line) => line && !line.startsWith('|'))
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z(])/))
    .map((s) => s.trim())
    // A fragment (a list item continuing an earlier line) makes no sense alone.
    .filter((s) => s.length > 2 && /^[A-Z0-9("$]/.test(s) && !ABOUT_THE_PAGE.test(s));
}

function terms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter((t) => t.length > 1 && !STOP_WORDS.has(t))
    .map((t) => t.replace(/(ing|ed|es|s)$/, ''));
}
