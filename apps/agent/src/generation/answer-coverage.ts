import { Passage } from '@support/knowledge';
import { retrievalQuery } from '../pipeline/retrieval-query';
import { terms } from './passage-answer.composer';

/** Words that frame a question without naming what it is about ("Do you need…", "Is it ever…", "one of your…"). */
const FRAMING = new Set(
  terms('am was were been has had did would could should need want like please get got much many ever just again still also about any some one'),
);
/** After a verb these make another verb: to "pick up" an order is not to "pick" a carrier. */
const PARTICLES = new Set(['up', 'out', 'back', 'off', 'down']);
/** Links name pages, not what the text says ("More in our help center: … (https://help.…)"). */
const URL = /https?:\/\/\S+/g;
/** A word held by this share of the found articles is the shop's everyday vocabulary ("order", "ship"). */
const EVERYDAY_SHARE = 0.75;
/** One telling word the answer lacks may be by the way ("customer" in "customer support hours"); two are not. */
const MIN_DISTINCTIVE_TO_DOUBT = 2;

/**
 * Whether an answer composed from the help center speaks to what the question is about. The words nearly
 * all the found articles share ("order", "ship") say little; the question's other words set it apart
 * ("pick up", "store"). An answer holding none of them answers some other question, however well its
 * passages scored: "Can I pick up my order at one of your stores?" is not answered by how we pick a carrier.
 */
export function answerCoversQuestion(question: string, passages: Passage[], answer: { text: string; passageIds: string[] }): boolean {
  const articles = new Map<string, Set<string>>();
  for (const p of passages) {
    const words = articles.get(p.articleId) ?? new Set<string>();
    for (const t of subjectTerms(`${p.title} ${p.section} ${p.text}`)) words.add(t);
    articles.set(p.articleId, words);
  }
  const sharedBy = (term: string) => [...articles.values()].filter((words) => words.has(term)).length;
  const distinctive = [...subjectTerms(retrievalQuery(question))].filter((t) => sharedBy(t) < articles.size * EVERYDAY_SHARE);
  if (distinctive.length < MIN_DISTINCTIVE_TO_DOUBT) return true;
  const sections = passages.filter((p) => answer.passageIds.includes(p.id)).map((p) => p.section);
  const answered = subjectTerms(`${answer.text} ${sections.join(' ')}`);
  return distinctive.some((t) => answered.has(t));
}

/** The content words that can name what a text is about, a verb and its particle as one ("pick up"). */
function subjectTerms(text: string): Set<string> {
  const words = text
    .replace(URL, ' ')
    .toLowerCase()
    .split(/[^a-z0-9-]+/);
  const found = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    if (PARTICLES.has(words[i])) continue;
    const [stem] = terms(words[i]);
    if (!stem || FRAMING.has(stem)) continue;
    if (PARTICLES.has(words[i + 1])) found.add(`${stem} ${words[++i]}`);
    else found.add(stem);
  }
  return found;
}
