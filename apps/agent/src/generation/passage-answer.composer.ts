import { Passage } from '@support/knowledge';
import { PassageUnit, readPassage } from './passage-reader';

const STOP_WORDS = new Set(
  'a an and are as at be but by can do does for from have how i if in is it its me my of on or our the to what when where which who why will with you your'.split(
    ' ',
  ),
);
/** Words customers and the help center use for the same thing (stemmed). */
const SAME_MEANING: Record<string, string> = { pric: 'cost', fe: 'cost', charg: 'cost' };
/** The shop's processes (stemmed): each has its own rules. */
const PROCESSES = new Set(['return', 'refund', 'exchang', 'cancel', 'warranty', 'damag']);
const POLICY_ID = /POL-[A-Z0-9-]+/g;
const STATES_POLICY = /POL-[A-Z0-9-]+/;

/** What kind of fact the question asks for, and what a sentence stating it contains. */
const ANSWER_KINDS: { asks: RegExp; states: RegExp }[] = [
  { asks: /\b(how much|cost|price|fee|charge)/i, states: /\$\s?\d/ },
  {
    asks: /\b(how long|how soon|how many days|when will|when do|when does|when is|take to)\b/i,
    states: /\b\d+(\s*[–-]\s*\d+)?\s*(business\s+)?(day|week|hour|minute|month|year)s?\b/i,
  },
  { asks: /\b(hours|open|opening|what time)\b/i, states: /\b\d{1,2}(:\d{2})?\s*(a\.m\.|p\.m\.|am|pm)|\b(Eastern|ET)\b/ },
];

export interface ComposerOptions {
  /** Passages scoring within this of the best one are read. */
  scoreWindow: number;
  maxPassages: number;
  maxSentences: number;
  /** The customer's earlier question when this one only makes sense after it ("Is it ever free?"): its words count half. */
  context?: string;
}

const DEFAULTS: ComposerOptions = { scoreWindow: 0.2, maxPassages: 8, maxSentences: 3 };

interface Scored {
  passage: Passage;
  unit: PassageUnit;
  weight: number;
}

/**
 * An extractive answer from the help center: the sentences that answer the question best (sharing its
 * words, stating the kind of fact it asks for, stating a policy), mostly from one article, with their policy
 * ids and sources. When none of them states a rule, the best rule-stating sentence the passages hold is
 * added, so a question about a policy gets the policy. Nothing is written that the help center does not say.
 */
export function composeAnswerFromPassages(
  question: string,
  passages: Passage[],
  options: Partial<ComposerOptions> = {},
): { text: string; policyIds: string[]; passageIds: string[] } {
  const { scoreWindow, maxPassages, maxSentences, context } = { ...DEFAULTS, ...options };
  const top = passages[0]?.score ?? 0;
  const candidates = passages.filter((p) => p.score >= top - scoreWindow).slice(0, maxPassages);
  const weigh = sentenceWeigher(question, context, top);
  const scored = candidates.flatMap((passage) => readPassage(passage).map((unit) => ({ passage, unit, weight: weigh(unit.text, passage) })));
  const article = answeringArticle(scored, candidates);
  const ofArticle = scored.filter((s) => s.passage.articleId === article && s.weight > 0).sort(byWeight);
  const best = ofArticle[0]?.weight ?? 0;
  const chosen = ofArticle.filter((s) => s.weight >= best / 2).slice(0, maxSentences);
  if (!chosen.length) {
    const first = scored.find((s) => s.passage.articleId === article) ?? scored[0];
    if (first) chosen.push(first);
  }
  if (!chosen.some((s) => STATES_POLICY.test(s.unit.text))) {
    const rule = bestRule(question, context, passages, top, chosen.map((s) => s.unit.text).join(' '));
    if (rule && !chosen.includes(rule)) chosen.push(rule);
  }
  const ordered = orderForReading(chosen, passages);
  let text = ordered.map((s) => s.unit.text).join(' ');
  if (!text) text = candidates[0]?.text ?? '';
  // The passages the sentences come from state these policies: cite them even when the chosen sentences do not repeat the id.
  const unstated = [...new Set(ordered.flatMap((s) => s.passage.policyIds))].filter((id) => !text.includes(id));
  if (unstated.length) text += ` (policy ${unstated.join(', ')})`;
  const used = [...new Map(ordered.map((s) => [s.passage.articleId, s.passage])).values()];
  const sources = used.map((p) => (p.url ? `"${p.title}" (${p.url})` : `"${p.title}"`)).join(' and ');
  return {
    text: sources ? `${text}\n\nMore in our help center: ${sources}.` : text,
    policyIds: [...new Set(text.match(POLICY_ID) ?? [])],
    passageIds: [...new Set(ordered.map((s) => s.passage.id))],
  };
}

/** How well a sentence answers the question; a sentence far down the results counts a little less. */
function sentenceWeigher(question: string, context: string | undefined, top: number) {
  const asked = new Set(terms(question));
  const earlier = new Set(terms(context ?? '').filter((t) => !asked.has(t)));
  const kinds = ANSWER_KINDS.filter((k) => k.asks.test(question));
  return (sentence: string, passage: Passage) => {
    const words = new Set(terms(withoutReferences(sentence)));
    const heading = new Set(terms(passage.section.split('>').pop() ?? ''));
    let weight = 0;
    for (const t of asked) weight += words.has(t) ? 1 : heading.has(t) ? 0.5 : 0;
    for (const t of earlier) weight += words.has(t) ? 0.5 : 0;
    if (weight === 0) return 0;
    // A section about returns does not answer a question about shipping fees, however many words they share.
    const about = new Set(terms(`${passage.title} ${passage.section}`));
    for (const t of about) if (PROCESSES.has(t) && !asked.has(t) && !earlier.has(t)) weight -= 1.5;
    if (kinds.some((k) => k.states.test(sentence))) weight += 1.5;
    if (STATES_POLICY.test(sentence)) weight += 1;
    return weight - (top - passage.score) * 2;
  };
}

/** The article whose best sentence, and passages, answer best. */
function answeringArticle(scored: Scored[], candidates: Passage[]): string | undefined {
  const articles = new Map<string, number>();
  for (const s of scored) articles.set(s.passage.articleId, Math.max(articles.get(s.passage.articleId) ?? 0, s.weight));
  for (const p of candidates) if (!articles.has(p.articleId)) articles.set(p.articleId, 0);
  const passageScore = (id: string) =>
    candidates
      .filter((p) => p.articleId === id)
      .slice(0, 3)
      .reduce((sum, p, i) => sum + p.score / 2 ** i, 0);
  return [...articles.entries()].sort((a, b) => b[1] + passageScore(b[0]) - (a[1] + passageScore(a[0])))[0]?.[0];
}

/** The sentence stating a policy that shares most with the question, from any passage close enough to the best. */
function bestRule(question: string, context: string | undefined, passages: Passage[], top: number, answer: string): Scored | null {
  const weigh = sentenceWeigher(question, context, top);
  const answerTerms = new Set(terms(answer));
  // The rule the answer rests on says much of what the answer says.
  const alsoSaid = (sentence: string) => 0.3 * new Set(terms(withoutReferences(sentence)).filter((t) => answerTerms.has(t))).size;
  const rules = passages
    .filter((p) => p.policyIds.length && p.score >= top - 0.35)
    .flatMap((passage) => readPassage(passage).map((unit) => ({ passage, unit, weight: weigh(unit.text, passage) })))
    .filter((s) => STATES_POLICY.test(s.unit.text) && s.weight >= 1)
    .map((s) => ({ ...s, weight: s.weight + alsoSaid(s.unit.text) }))
    .sort(byWeight);
  return rules[0] ?? null;
}

function byWeight(a: Scored, b: Scored): number {
  return b.weight - a.weight || b.passage.score - a.passage.score || a.unit.index - b.unit.index;
}

/** In the order the help center says them: by passage rank, then place in the passage. */
function orderForReading(chosen: Scored[], passages: Passage[]): Scored[] {
  const rank = (s: Scored) => passages.indexOf(s.passage);
  const unique = [...new Map(chosen.map((s) => [s.unit.text, s])).values()];
  return unique.sort((a, b) => rank(a) - rank(b) || a.unit.index - b.unit.index);
}

/** "(policy POL-X)" and "(see Returns policy)" point elsewhere; their words say nothing about the sentence. */
function withoutReferences(sentence: string): string {
  return sentence.replace(/\((policy|see)\b[^)]*\)/gi, ' ');
}

/** Lower-case content words, reduced to a rough stem ("shipping", "ships" → "ship"; "deletion", "delete" → "delet"). */
export function terms(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter((t) => t.length > 1 && !STOP_WORDS.has(t))
    .map((t) =>
      t
        .replace(/(ions?|ing|ed|es|e|s)$/, '')
        .replace(/([b-df-hj-np-tv-z])\1$/, '$1')
        .replace(/y$/, 'i'),
    )
    .filter(Boolean)
    .map((t) => SAME_MEANING[t] ?? t);
}
