import { migrate, PgliteDatabase } from '@support/platform';
import { Article } from '../articles/article';
import { SyncProgress } from '../backend/knowledge-index';
import { Embedder } from '../embedding/embedder';
import { knowledgeMigrations } from '../index/knowledge.migrations';
import { PostgresKnowledgeIndex } from '../index/postgres-knowledge.index';
import { EvaluationQuery } from './evaluation-query';
import { synthesiseCorpus } from './synthetic-corpus';

export interface SearchLatency {
  chunks: number;
  ingestSeconds: number;
  chunksPerSecond: number;
  queries: number;
  p50Ms: number;
  p95Ms: number;
  /** Process CPU time per search (PGlite runs in process): what the latency is on an idle machine. */
  cpuP50Ms: number;
  cpuP95Ms: number;
}

/** Hybrid search latency on the default (embedded) index grown to `targetChunks` chunks. */
export async function measureSearchLatency(
  input: { articles: Article[]; queries: EvaluationQuery[]; embedder: Embedder; targetChunks: number; maxQueries?: number },
  progress?: SyncProgress,
): Promise<SearchLatency> {
  const corpus = synthesiseCorpus(input.articles, input.targetChunks);
  const db = new PgliteDatabase();
  try {
    await migrate(db, knowledgeMigrations);
    const index = new PostgresKnowledgeIndex(db, input.embedder);
    const started = performance.now();
    const summary = await index.sync(corpus.articles, progress);
    const ingestSeconds = (performance.now() - started) / 1000;
    const queries = input.queries.slice(0, input.maxQueries ?? 300);
    // First searches load term statistics and warm PGlite's caches; a running product has done so long before.
    for (const query of queries.slice(0, 30)) await index.search(query.text, { limit: 8 });
    const latencies: number[] = [];
    const cpu: number[] = [];
    for (const query of queries) {
      const begun = performance.now();
      const cpuBefore = process.cpuUsage();
      await index.search(query.text, { limit: 8 });
      latencies.push(performance.now() - begun);
      const used = process.cpuUsage(cpuBefore);
      cpu.push((used.user + used.system) / 1000);
    }
    return {
      chunks: summary.added,
      ingestSeconds,
      chunksPerSecond: summary.added / ingestSeconds,
      queries: queries.length,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      cpuP50Ms: percentile(cpu, 50),
      cpuP95Ms: percentile(cpu, 95),
    };
  } finally {
    await db.close();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
