import { Article } from '../articles/article';
import { findPolicyIds } from '../articles/policy-ids';

/** One policy: its id, the help-center sentence that states it, and where: the article and its section. */
export interface PolicyEntry {
  policyId: string;
  rule: string;
  article: string;
  section: string;
}

const MAX_RULE_CHARS = 220;
const LIST_ITEMS = 4;

/**
 * Every policy id of the help center with the sentence that first states it: a short, stable list a
 * model keeps in its cached instructions, so it knows which policies exist and which id to look up.
 */
export class PolicyDigest {
  private entries: PolicyEntry[] = [];

  /** Rebuilds the digest from the articles just indexed: each policy stated as its own article (front matter) states it. */
  update(articles: Article[]): void {
    const found = new Map<string, PolicyEntry>();
    const sorted = [...articles].sort((a, b) => a.id.localeCompare(b.id));
    const homed = sorted.map((article) => ({ article, ids: article.policyIds }));
    const cited = sorted.map((article) => ({ article, ids: findPolicyIds(article.body) }));
    for (const { article, ids } of [...homed, ...cited]) {
      const sentences = plainSentences(article.body);
      for (const policyId of ids) {
        if (found.has(policyId)) continue;
        const at = sentences.findIndex((s) => s.text.includes(policyId));
        const rule =
          at >= 0
            ? statedRule(
                withListAfter(
                  sentences.map((s) => s.text),
                  at,
                ),
              )
            : article.title;
        found.set(policyId, { policyId, rule, article: article.title, section: sentences[at]?.section ?? '' });
      }
    }
    this.entries = [...found.values()].sort((a, b) => a.policyId.localeCompare(b.policyId));
  }

  list(): readonly PolicyEntry[] {
    return this.entries;
  }

  /** One line per policy, `POL-ID: rule (article › section)`; empty before the help center is indexed. */
  render(): string {
    return this.entries.map((e) => `${e.policyId}: ${e.rule} (${[e.article, e.section].filter(Boolean).join(' › ')})`).join('\n');
  }
}

/** Lines (list items, table rows) and the sentences within them, without Markdown, each with its section heading. */
function plainSentences(markdown: string): Array<{ text: string; section: string }> {
  let section = '';
  const sentences: Array<{ text: string; section: string }> = [];
  for (const line of markdown
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .split('\n')) {
    const heading = /^\s*#{2,}\s+(.*)$/.exec(line);
    if (heading) section = heading[1].trim();
    if (/^\s*#/.test(line)) continue;
    const item = /^\s*(?:[-+]|\d+\.)\s+/.test(line);
    const plain = line
      .replace(/^\s*(?:[-+]|\d+\.)\s+/, '')
      .replace(/\|/g, ' ')
      .trim();
    // A list item is one statement ("Electronics: 2 years … such as headphones"); a paragraph is several.
    for (const text of item ? [plain] : plain.split(/(?<![A-Z]\.[A-Z]\.)(?<=[.!?])\s+(?=[A-Z])/)) {
      const clean = text.replace(/\s+/g, ' ').trim();
      if (clean) sentences.push({ text: clean, section });
    }
  }
  return sentences;
}

/** "We accept:" is stated by the list after it. */
function withListAfter(sentences: string[], at: number): string {
  const sentence = sentences[at];
  if (!sentence.trimEnd().endsWith(':')) return sentence;
  return `${sentence} ${sentences.slice(at + 1, at + 1 + LIST_ITEMS).join('; ')}`;
}

/** The sentence without its "(policy POL-…)" reference, cut at a word boundary when long. */
function statedRule(sentence: string): string {
  const rule = sentence
    .replace(/\s*\((?:see )?polic(?:y|ies)\s+POL-[^)]*\)/gi, '')
    .replace(/\s+([.,;:])/g, '$1')
    .replace(/\.\.$/, '.')
    .trim();
  if (rule.length <= MAX_RULE_CHARS) return rule;
  return `${rule.slice(0, MAX_RULE_CHARS).replace(/\s+\S*$/, '')}…`;
}
