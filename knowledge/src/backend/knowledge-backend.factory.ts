import { Database, ProviderError } from '@support/platform';
import { Embedder } from '../embedding/embedder';
import { HashingEmbedder } from '../embedding/hashing.embedder';
import { PostgresKnowledgeIndex } from '../index/postgres-knowledge.index';
import { HelpCenterIngestor } from '../ingest/help-center.ingestor';
import { PolicyDigest } from '../policies/policy-digest';
import { PostgresSourceRegistry } from '../sources/postgres-source.registry';
import { KnowledgeRetriever } from '../knowledge-retriever';
import { Reranker } from '../reranking/reranker';
import { RerankingRetriever } from '../reranking/reranking.retriever';
import { RetryingEmbedder } from '../resilience/retrying.embedder';
import { RetryingReranker } from '../resilience/retrying.reranker';
import { RetryPolicy } from '../resilience/retry.policy';
import { createVoyageClient } from '../voyage/voyage.client';
import { WeaviateKnowledgeIndex } from '../weaviate/weaviate-knowledge.index';
import { VoyageEmbedder } from '../voyage/voyage.embedder';
import { VoyageReranker } from '../voyage/voyage.reranker';
import { KnowledgeIndex } from './knowledge-index';

/** The part of `AppConfig` the knowledge base reads; pass the whole `AppConfig`. */
export interface KnowledgeBackendConfig {
  providers: {
    voyage: { apiKey?: string; baseUrl?: string; embedModel?: string; rerankModel?: string; timeoutMs?: number; maxRetries?: number; rerank?: boolean };
    /** Set `url` to keep the index in Weaviate instead of Postgres. */
    weaviate?: { url?: string; apiKey?: string; className?: string; alpha?: number };
  };
}

export interface KnowledgeBackendOptions {
  /**
   * Builds the index from the chosen embedder and reranker, for a backend the config does not name.
   * Default: `WeaviateKnowledgeIndex` when WEAVIATE_URL is set, else `PostgresKnowledgeIndex` on `db`.
   */
  index?: (parts: { db: Database; embedder: Embedder; reranker?: Reranker }) => KnowledgeIndex;
  /** Told when the reranker failed after its retries and the first-stage order was used. */
  onRerankFallback?: (error: ProviderError) => void;
  /** Overrides the retry policy (tests). */
  retryPolicy?: RetryPolicy;
}

export interface KnowledgeBackend {
  /** What the agent searches: the index, reranked when a reranker is configured. */
  retriever: KnowledgeRetriever;
  /** The index itself, for `sync` (ingestion, scheduled re-index). */
  index: KnowledgeIndex;
  ingestor: HelpCenterIngestor;
  /** The help center's policies, one line each; rebuilt by every ingestion. */
  policyDigest: PolicyDigest;
  embedder: Embedder;
  reranker?: Reranker;
  /** E.g. "postgres index, voyage-voyage-3-large-512 embeddings, voyage-rerank-2.5 reranking". */
  description: string;
}

/** Voyage (with retries) when VOYAGE_API_KEY is set, else the embedded hashing embedder and no reranker. */
export function createKnowledgeProviders(config: KnowledgeBackendConfig, retryPolicy?: RetryPolicy): { embedder: Embedder; reranker?: Reranker } {
  const voyage = config.providers.voyage;
  if (!voyage.apiKey) return { embedder: new HashingEmbedder() };
  const policy = retryPolicy ?? new RetryPolicy({ maxRetries: voyage.maxRetries ?? 3 });
  const client = createVoyageClient({ apiKey: voyage.apiKey, baseUrl: voyage.baseUrl, timeoutMs: voyage.timeoutMs });
  return {
    embedder: new RetryingEmbedder(new VoyageEmbedder(client, { model: voyage.embedModel }), policy),
    reranker: voyage.rerank === false ? undefined : new RetryingReranker(new VoyageReranker(client, { model: voyage.rerankModel }), policy),
  };
}

/**
 * Chooses the adapters once, from config: Voyage when VOYAGE_API_KEY is set, else the embedded hashing
 * embedder; Weaviate when WEAVIATE_URL is set, else Postgres (pgvector or in-process vectors, plus full text).
 */
export function createKnowledgeBackend(db: Database, config: KnowledgeBackendConfig, options: KnowledgeBackendOptions = {}): KnowledgeBackend {
  const { embedder, reranker } = createKnowledgeProviders(config, options.retryPolicy);
  const weaviate = config.providers.weaviate;
  let index: KnowledgeIndex;
  let backendName: string;
  if (options.index) [index, backendName] = [options.index({ db, embedder, reranker }), 'custom'];
  else if (weaviate?.url) [index, backendName] = [new WeaviateKnowledgeIndex(embedder, { ...weaviate, url: weaviate.url }), `weaviate (${weaviate.url})`];
  else [index, backendName] = [new PostgresKnowledgeIndex(db, embedder), 'postgres'];
  const retriever = reranker ? new RerankingRetriever(index, reranker, { onFallback: options.onRerankFallback }) : index;
  const policyDigest = new PolicyDigest();
  return {
    retriever,
    index,
    ingestor: new HelpCenterIngestor(index, (articles) => policyDigest.update(articles), new PostgresSourceRegistry(db)),
    policyDigest,
    embedder,
    reranker,
    description: `${backendName} index, ${embedder.name} embeddings, ${reranker ? `${reranker.name} reranking` : 'no reranker'}`,
  };
}

/** Nest injection token for the `KnowledgeBackend` the agent module builds once. */
export const KNOWLEDGE_BACKEND = Symbol('KNOWLEDGE_BACKEND');
