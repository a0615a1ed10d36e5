import { existsSync, readFileSync } from 'node:fs';
import { migrate, PgliteDatabase } from '@support/platform';
import { parseJsonlArticles } from '../knowledge/src/articles/jsonl-article.parser';
import { HashingEmbedder } from '../knowledge/src/embedding/hashing.embedder';
import { knowledgeMigrations } from '../knowledge/src/index/knowledge.migrations';
import { PostgresKnowledgeIndex } from '../knowledge/src/index/postgres-knowledge.index';
import { synthesiseCorpus } from '../knowledge/src/eval/synthetic-corpus';
import { parseEvaluationQueries } from '../knowledge/src/eval/evaluation-query';

(async () => {
  const dir = '/tmp/kbprof/db';
  const fresh = !existsSync(dir);
  const db = new PgliteDatabase(dir);
  await migrate(db, knowledgeMigrations);
  const embedder = new HashingEmbedder();
  const index = new PostgresKnowledgeIndex(db, embedder);
  const { articles } = parseJsonlArticles(readFileSync('../shared/datasets/kb-stackfaq/docs.jsonl', 'utf8'));
  if (fresh) {
    const t = performance.now();
    const corpus = synthesiseCorpus(articles, 10000);
    const s = await index.sync(corpus.articles);
    console.log('ingested', s, ((performance.now() - t) / 1000).toFixed(1), 's');
  }
  const queries = parseEvaluationQueries(readFileSync('../shared/datasets/kb-stackfaq/queries_dev.jsonl', 'utf8')).slice(0, 100);
  const origQuery = db.query.bind(db);
  const perSql = new Map<string, number>();
  (db as any).query = async (sql: string, params?: unknown[]) => {
    const t = performance.now();
    try { return await origQuery(sql, params); } finally {
      const key = sql.replace(/\s+/g, ' ').slice(0, 60);
      perSql.set(key, (perSql.get(key) ?? 0) + performance.now() - t);
    }
  };
  for (const q of queries.slice(0, 10)) await index.search(q.text, { limit: 8 });
  perSql.clear();
  const lat: number[] = [];
  let embedMs = 0;
  for (const q of queries) {
    const t0 = performance.now(); await embedder.embed([q.text], 'query'); embedMs += performance.now() - t0;
    const t = performance.now();
    await index.search(q.text, { limit: 8 });
    lat.push(performance.now() - t);
  }
  lat.sort((a, b) => a - b);
  console.log('p50', lat[50].toFixed(1), 'p95', lat[95].toFixed(1), 'embed/q', (embedMs / 100).toFixed(2));
  for (const [k, v] of perSql) console.log((v / 100).toFixed(2), 'ms/q', k);
  await db.close();
})();
