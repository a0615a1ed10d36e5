/**
 * Evaluates full-text, dense and hybrid retrieval on a JSONL corpus and labelled questions, in a fresh PGlite:
 *   npx ts-node -r tsconfig-paths/register --transpile-only knowledge/src/eval/retrieval-evaluation.script.ts \
 *     /work/shared/datasets/kb-stackfaq/docs.jsonl /work/shared/datasets/kb-stackfaq/queries_dev.jsonl
 */
import { readFileSync } from 'node:fs';
import { parseJsonlArticles } from '../articles/jsonl-article.parser';
import { HashingEmbedder } from '../embedding/hashing.embedder';
import { PostgresKnowledgeIndex } from '../index/postgres-knowledge.index';
import { RetrievalMode } from '../index/relevance.scorer';
import { createEmbeddedTestDatabase } from '../testing/embedded-test.database';
import { parseEvaluationQueries } from './evaluation-query';
import { evaluateRetrieval } from './retrieval.evaluation';

async function main(docsPath: string, queriesPath: string): Promise<void> {
  const { articles } = parseJsonlArticles(readFileSync(docsPath, 'utf8'));
  const queries = parseEvaluationQueries(readFileSync(queriesPath, 'utf8'));
  const { db, close } = await createEmbeddedTestDatabase();
  try {
    const embedder = new HashingEmbedder();
    const started = performance.now();
    const summary = await new PostgresKnowledgeIndex(db, embedder).sync(articles);
    console.log(`indexed ${articles.length} articles, ${summary.added} chunks in ${Math.round(performance.now() - started)} ms`);
    for (const mode of ['full-text', 'dense', 'hybrid'] as RetrievalMode[]) {
      const result = await evaluateRetrieval(new PostgresKnowledgeIndex(db, embedder, { mode }), queries);
      console.log(
        mode,
        JSON.stringify(result, (_, value) => (typeof value === 'number' ? Math.round(value * 1000) / 1000 : value)),
      );
    }
  } finally {
    await close();
  }
}

const [docsPath, queriesPath] = process.argv.slice(2);
main(docsPath, queriesPath).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
