import { Queryable } from '@support/platform';

export interface StaleArticle {
  articleId: string;
  title: string;
  url?: string;
  /** As the source gave it; undefined when the article has no date, which counts as stale. */
  updatedAt?: string;
  /** Whole days since `updatedAt`; undefined without a date. */
  ageDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Indexed articles not updated for `days` days (or with no date at all), oldest first, undated last. */
export async function findStaleArticles(db: Queryable, options: { days: number; now?: Date }): Promise<StaleArticle[]> {
  const now = (options.now ?? new Date()).getTime();
  const { rows } = await db.query<{ article_id: string; title: string; url: string | null; updated_at: string | null }>(
    `SELECT DISTINCT ON (article_id) article_id, title, url, updated_at FROM knowledge_chunks ORDER BY article_id, position`,
  );
  return rows
    .map((row): StaleArticle => {
      const time = row.updated_at ? Date.parse(row.updated_at) : Number.NaN;
      return {
        articleId: row.article_id,
        title: row.title,
        url: row.url ?? undefined,
        updatedAt: row.updated_at ?? undefined,
        ageDays: Number.isNaN(time) ? undefined : Math.floor((now - time) / DAY_MS),
      };
    })
    .filter((article) => article.ageDays === undefined || article.ageDays >= options.days)
    .sort((a, b) => (b.ageDays ?? -Infinity) - (a.ageDays ?? -Infinity) || a.articleId.localeCompare(b.articleId));
}
