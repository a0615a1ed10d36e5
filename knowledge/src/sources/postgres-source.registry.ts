import { Database } from '@support/platform';
import { KnowledgeSource, SourceKind, SourceRef } from './knowledge-source';
import { SourceRegistry } from './source-registry';

interface SourceRow {
  name: string;
  kind: SourceKind;
  path: string;
  articles: number;
  last_ingested_at: Date | string | null;
}

/** The registry in the product database (`knowledge_sources`, `knowledge_source_articles`), whichever index holds the chunks. */
export class PostgresSourceRegistry extends SourceRegistry {
  constructor(private readonly db: Database) {
    super();
  }

  async claim(source: SourceRef, articleIds: string[]): Promise<Map<string, string>> {
    return this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO knowledge_sources (name, kind, path) VALUES ($1, $2, $3)
         ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, path = EXCLUDED.path`,
        [source.name, source.kind, source.path],
      );
      await tx.query(`INSERT INTO knowledge_source_articles (article_id, source) SELECT unnest($1::text[]), $2 ON CONFLICT (article_id) DO NOTHING`, [
        articleIds,
        source.name,
      ]);
      const owners = await tx.query<{ article_id: string; source: string }>(
        `SELECT article_id, source FROM knowledge_source_articles WHERE article_id = ANY($1::text[])`,
        [articleIds],
      );
      return new Map(owners.rows.map((row) => [row.article_id, row.source]));
    });
  }

  async articlesOf(name: string): Promise<Set<string>> {
    const rows = await this.db.query<{ article_id: string }>(`SELECT article_id FROM knowledge_source_articles WHERE source = $1`, [name]);
    return new Set(rows.rows.map((row) => row.article_id));
  }

  async settle(name: string, articleIds: string[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM knowledge_source_articles WHERE source = $1 AND NOT (article_id = ANY($2::text[]))`, [name, articleIds]);
      await tx.query(
        `UPDATE knowledge_sources SET last_ingested_at = now(),
           articles = (SELECT count(*) FROM knowledge_source_articles WHERE source = $1) WHERE name = $1`,
        [name],
      );
    });
  }

  async list(): Promise<KnowledgeSource[]> {
    const rows = await this.db.query<SourceRow>(`SELECT name, kind, path, articles, last_ingested_at FROM knowledge_sources ORDER BY name`);
    return rows.rows.map(toSource);
  }

  async find(name: string): Promise<KnowledgeSource | undefined> {
    const rows = await this.db.query<SourceRow>(`SELECT name, kind, path, articles, last_ingested_at FROM knowledge_sources WHERE name = $1`, [name]);
    return rows.rows.map(toSource)[0];
  }

  async forget(name: string): Promise<void> {
    await this.db.query(`DELETE FROM knowledge_sources WHERE name = $1`, [name]);
  }

  async leaseRun(run: string, holder: string, forMs: number): Promise<boolean> {
    const { rows } = await this.db.query(
      `INSERT INTO knowledge_run_leases (name, holder, until) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until
         WHERE knowledge_run_leases.until <= now() OR knowledge_run_leases.holder = EXCLUDED.holder
       RETURNING holder`,
      [run, holder, forMs],
    );
    return rows.length === 1;
  }
}

function toSource(row: SourceRow): KnowledgeSource {
  return {
    name: row.name,
    kind: row.kind,
    path: row.path,
    articles: Number(row.articles),
    lastIngestedAt: row.last_ingested_at === null ? null : new Date(row.last_ingested_at),
  };
}
