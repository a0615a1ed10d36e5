import { answersKind, missesKind } from './answer-type';
import { distinctiveTerms, stems } from './question-terms';

const MIN_COVERAGE = 0.3;
const STRONG_COVERAGE = 0.75;
/** Policies on returns, refunds, cancelling…: what their ids say they are about; not for a question on anything else. */
const RULE_FAMILIES = /^POL-(RETURN|REFUND|CANCEL|EXCHANGE|WARRANTY|DAMAGE|COMP)-/;
const ARTICLE_WEIGHT = 0.5;
/** A runner-up this close to the best is looked up too, as a model unsure between two rules would. */
const RUNNER_UP_RATIO = 0.75;

/**
 * The policies of the instructions' digest that the question is about: the lines whose rule and section
 * hold most of the question's terms (the article's title counting half). On a rule topic (refunds,
 * returns, cancelling…) the model must look a policy up, so terms no policy mentions don't count against
 * one; on any other question only a line that covers most of it is worth looking up.
 */
export function policiesForQuestion(question: string, digest: Map<string, string>, ruleTopic: boolean, kindAsked = question): string[] {
  const asked = distinctiveTerms(question);
  if (!asked.size || !digest.size) return [];
  const lines = [...digest]
    .filter(([policyId]) => ruleTopic || !RULE_FAMILIES.test(policyId))
    .map(([policyId, line]) => {
      const place = /\(([^()]*)\)$/.exec(line)?.[1] ?? '';
      const [article, section = ''] = place.split(' › ');
      const rule = line.slice(0, line.length - place.length - 2);
      return { policyId, rule, own: new Set(stems(`${rule} ${section}`)), article: new Set(stems(article)) };
    });
  const known = [...asked].filter((t) => lines.some((l) => l.own.has(t) || l.article.has(t)));
  if (!known.length) return [];
  const counted = ruleTopic ? known : [...asked];
  const weight = new Map(counted.map((t) => [t, Math.log(1 + lines.length / (1 + lines.filter((l) => l.own.has(t) || l.article.has(t)).length))]));
  const total = [...weight.values()].reduce((a, b) => a + b, 0);
  const scored = lines
    .map((line) => {
      let coverage = 0;
      for (const [term, w] of weight) coverage += line.own.has(term) ? w : line.article.has(term) ? w * ARTICLE_WEIGHT : 0;
      coverage /= total;
      return {
        policyId: line.policyId,
        coverage,
        score: coverage + (answersKind(kindAsked, line.rule) ? 0.25 : 0),
        missesKind: missesKind(kindAsked, line.rule),
      };
    })
    .filter((s) => s.coverage >= (ruleTopic ? MIN_COVERAGE : STRONG_COVERAGE) && (ruleTopic || !s.missesKind))
    .sort((a, b) => b.score - a.score);
  if (!scored.length) return [];
  return scored.filter((s, i) => i === 0 || (i === 1 && s.score >= scored[0].score * RUNNER_UP_RATIO)).map((s) => s.policyId);
}
