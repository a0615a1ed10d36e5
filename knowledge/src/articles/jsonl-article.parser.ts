import { Article } from './article';

/** One line that could not become an article, and why. */
export interface RejectedLine {
  line: number;
  reason: string;
}

/** Reads JSONL rows `{id, title, text, url?, updated_at?}`; bad lines are rejected, the rest kept. */
export function parseJsonlArticles(source: string): { articles: Article[]; rejected: RejectedLine[] } {
  const articles: Article[] = [];
  const rejected: RejectedLine[] = [];
  source.split(/\r?\n/).forEach((raw, index) => {
    if (!raw.trim()) return;
    const line = index + 1;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(raw);
    } catch {
      rejected.push({ line, reason: 'not valid JSON' });
      return;
    }
    const id = typeof row.id === 'string' || typeof row.id === 'number' ? String(row.id).trim() : '';
    const body = typeof row.text === 'string' ? row.text.trim() : '';
    if (!id) return rejected.push({ line, reason: 'no id' });
    if (!body) return rejected.push({ line, reason: 'no text' });
    articles.push({
      id,
      title: typeof row.title === 'string' && row.title.trim() ? row.title.trim() : id,
      url: typeof row.url === 'string' ? row.url : undefined,
      updatedAt: typeof row.updated_at === 'string' ? row.updated_at : undefined,
      policyIds: Array.isArray(row.policies) ? row.policies.map(String) : [],
      body,
    });
  });
  return { articles, rejected };
}
