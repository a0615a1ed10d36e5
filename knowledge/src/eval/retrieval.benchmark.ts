import { migrate, PgliteDatabase } from '@support/platform';
import { Article } from '../articles/article';
import { SyncProgress } from '../backend/knowledge-index';
import { Embedder } from '../embedding/embedder';
import { knowledgeMigrations } from '../index/knowledge.migrations';
import { PostgresKnowledgeIndex } from '../index/postgres-knowledge.index';
import { RetrievalMode } from '../index/relevance.scorer';
import { KnowledgeRetriever } from '../knowledge-retriever';
import { Reranker } from '../reranking/reranker';
import { RerankingRetriever } from '../reranking/reranking.retriever';
import { EvaluationQuery } from './evaluation-query';
import { evaluateRetrieval, RetrievalEvaluation } from './retrieval.evaluation';

export type BenchmarkMode = RetrievalMode | 'hybrid+rerank';

export interface RetrievalBenchmarkInput {
  articles: Article[];
  queries: EvaluationQuery[];
  embedder: Embedder;
  /** Adds a hybrid+rerank row. */
  reranker?: Reranker;
  progress?: SyncProgress & { onMode?(mode: BenchmarkMode): void };
}

export interface RetrievalBenchmark {
  ingestion: { articles: number; chunks: number; seconds: number; chunksPerSecond: number };
  modes: Array<{ mode: BenchmarkMode; evaluation: RetrievalEvaluation }>;
}

/** Ingests the articles into a fresh in-memory PGlite and evaluates every retrieval mode on the queries. */
export async function runRetrievalBenchmark(input: RetrievalBenchmarkInput): Promise<RetrievalBenchmark> {
  const db = new PgliteDatabase();
  try {
    await migrate(db, knowledgeMigrations);
    const started = performance.now();
    const summary = await new PostgresKnowledgeIndex(db, input.embedder).sync(input.articles, input.progress);
    const seconds = (performance.now() - started) / 1000;
    const retrievers: Array<[BenchmarkMode, KnowledgeRetriever]> = (['full-text', 'dense', 'hybrid'] as RetrievalMode[]).map((mode) => [
      mode,
      new PostgresKnowledgeIndex(db, input.embedder, { mode }),
    ]);
    if (input.reranker)
      retrievers.push(['hybrid+rerank', new RerankingRetriever(new PostgresKnowledgeIndex(db, input.embedder), input.reranker, { onFallback: failLoudly })]);
    const modes: RetrievalBenchmark['modes'] = [];
    for (const [mode, retriever] of retrievers) {
      input.progress?.onMode?.(mode);
      modes.push({ mode, evaluation: await evaluateRetrieval(retriever, input.queries, { recallAt: [1, 5, 10], depth: 30 }) });
    }
    return {
      ingestion: { articles: input.articles.length, chunks: summary.added, seconds, chunksPerSecond: summary.added / seconds },
      modes,
    };
  } finally {
    await db.close();
  }
}

/** In an evaluation a silent fallback to the hybrid order would pass for reranking. */
function failLoudly(error: Error): never {
  throw error;
}
