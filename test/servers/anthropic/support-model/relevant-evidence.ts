import { answersKind } from './answer-type';
import { EvidenceSection, EvidenceUnit } from './evidence-units';
import { aboutRuleFamily } from './customer-words';
import { distinctiveTerms, stems } from './question-terms';

export interface Selection {
  units: EvidenceUnit[];
  /** The heading to introduce a list of steps with. */
  lead: string | null;
  passageIds: string[];
  /** Share of the question's distinctive terms (weighted by rarity) the chosen section covers, 0–1. */
  coverage: number;
}

const MAX_UNITS = 3;
const MAX_STEPS = 5;
const KEEP_RATIO = 0.5;
const KIND_BONUS = 1;
const OFF_TOPIC_FACTOR = 0.5;
const SECTION_WEIGHT = 1;
const ARTICLE_WEIGHT = 0.2;
/** What the model looked up for the question outranks what it was merely given. */
const LOOKED_UP_BONUS = 0.3;
const POLICY_BONUS = 0.3;
const NOTHING: Selection = { units: [], lead: null, passageIds: [], coverage: 0 };

/**
 * The evidence that answers the question: the section with the sentence that holds most of the
 * question's rarer terms (and the kind of fact asked for: an amount, a duration, a time), helped by
 * a heading that names the question's subject; then the best few sentences of that section.
 */
/** A section on returns, refunds or cancelling is not what a question on anything else is about. */
function offTopic(question: string, section: EvidenceSection): number {
  return !aboutRuleFamily(question) && aboutRuleFamily(`${section.article} ${section.section}`) ? OFF_TOPIC_FACTOR : 1;
}

/** `kindAsked`: the customer's own words, whose kind of question counts (a follow-up's context does not). */
export function relevantEvidence(question: string, sections: EvidenceSection[], preferPolicies: boolean, kindAsked = question): Selection {
  const terms = distinctiveTerms(question);
  if (!terms.size || !sections.length) return NOTHING;
  const sectionTerms = sections.map((s) => new Set(stems(`${s.article} ${s.section} ${s.units.map((u) => u.text).join(' ')}`)));
  const weight = new Map([...terms].map((t) => [t, Math.log(1 + sections.length / (1 + sectionTerms.filter((set) => set.has(t)).length))]));
  const total = [...weight.values()].reduce((a, b) => a + b, 0);
  const covered = (text: string) => {
    const present = new Set(stems(text));
    return [...weight].reduce((sum, [term, w]) => sum + (present.has(term) ? w : 0), 0) / total;
  };
  const unitScore = (unit: EvidenceUnit) =>
    covered(`${unit.context} ${unit.text}`) +
    (answersKind(kindAsked, unit.text) ? KIND_BONUS : 0) +
    (preferPolicies && unit.policyIds.length ? POLICY_BONUS : 0);

  const ranked = sections
    .map((section, rank) => ({
      section,
      coverage: covered(`${section.article} ${section.section} ${section.units.map((u) => u.text).join(' ')}`),
      score:
        offTopic(question, section) * Math.max(0, ...section.units.map(unitScore)) +
        SECTION_WEIGHT * covered(section.section) +
        ARTICLE_WEIGHT * covered(section.article) +
        (section.lookup ? LOOKED_UP_BONUS : 0) -
        rank * 0.01,
    }))
    .filter((s) => s.coverage > 0)
    .sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best) return NOTHING;

  const scored = best.section.units.map((unit, index) => ({ unit, index, score: unitScore(unit) }));
  const top = Math.max(...scored.map((s) => s.score));
  const chosen =
    top > 0
      ? scored
          .filter((s) => s.score >= top * KEEP_RATIO)
          .sort((a, b) => b.score - a.score)
          .slice(0, MAX_UNITS)
      : scored.slice(0, MAX_UNITS);
  const indexes = new Set(chosen.map((s) => s.index));
  const units = best.section.units;
  // Steps come as a list: the step that matched and the ones after it.
  const first = chosen[0];
  const opensList = first && (first.unit.listItem || first.unit.text.trimEnd().endsWith(':'));
  if (opensList) for (let i = first.index + 1; i < units.length && units[i].listItem && indexes.size < MAX_STEPS; i++) indexes.add(i);
  // A section looked up by its policy id is there for that policy's statement.
  const stated = best.section.lookup ? units.findIndex((u) => u.policyIds.includes(best.section.lookup!)) : -1;
  if (stated >= 0) indexes.add(stated);
  return {
    units: [...indexes].sort((a, b) => a - b).map((i) => units[i]),
    /** Steps are introduced by what they are for ("Reset it yourself: …"). */
    lead: first?.unit.listItem && best.section.section ? best.section.section : null,
    passageIds: best.section.passageId ? [best.section.passageId] : [],
    coverage: Math.max(...ranked.map((r) => r.coverage)),
  };
}
