import { findPolicyIds } from '../../../../knowledge/src/articles/policy-ids';
/** A sentence, or a whole list item, of the evidence, with the policy ids it states. */
export interface EvidenceUnit {
  text: string;
  policyIds: string[];
  /** A list item or table row: one of a series of steps or options. */
  listItem: boolean;
  /** What a table row's cells mean: the table's header row. */
  context: string;
}

/** One section of the help center as the model got it: a passage, or one result of lookup_policy. */
export interface EvidenceSection {
  /** The passage id, when it came from a passage (for answer_meta). */
  passageId: string | null;
  /** What the section is about. */
  article: string;
  section: string;
  /** How the model got it: a lookup_policy by id (the id) or by topic ('topic'); null for a passage. */
  lookup: string | null;
  units: EvidenceUnit[];
}

export function evidenceSection(markdown: string, source: Omit<EvidenceSection, 'units'>): EvidenceSection {
  return { ...source, units: evidenceUnits(markdown) };
}

/** Splits Markdown into list items, table rows and sentences, without the Markdown. */
function evidenceUnits(markdown: string): EvidenceUnit[] {
  const lines = markdown
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .split('\n');
  const units: EvidenceUnit[] = [];
  let header = '';
  lines.forEach((line, i) => {
    if (!line.trim() || /^\s*#/.test(line) || /^\s*\|?\s*:?-{3}/.test(line)) return;
    const row = /^\s*\|/.test(line);
    if (row && /^\s*\|?\s*:?-{3}/.test(lines[i + 1] ?? '')) header = cells(line);
    if (!row) header = '';
    const item = row || /^\s*(?:[-+]|\d+\.)\s+/.test(line);
    const plain = row
      ? cells(line)
      : line
          .replace(/^\s*(?:[-+]|\d+\.)\s+/, '')
          .replace(/\s+/g, ' ')
          .trim();
    const texts = item ? [plain] : plain.split(/(?<![A-Z]\.[A-Z]\.)(?<=[.!?])\s+(?=[A-Z])/);
    for (const text of texts.filter((t) => t.length > 2)) {
      units.push({ text, listItem: item, context: row && text !== header ? header : '', policyIds: findPolicyIds(text) });
    }
  });
  return units;
}

function cells(line: string): string {
  return line
    .split('|')
    .map((cell) => cell.trim())
    .filter(Boolean)
    .join(' ');
}
