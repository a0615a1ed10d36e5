import { PgliteDatabase } from '@support/platform';
import { HashingEmbedder } from '../embedding/hashing.embedder';
import { PostgresKnowledgeIndex } from '../index/postgres-knowledge.index';
import { RerankingRetriever } from '../reranking/reranking.retriever';
import { WeaviateKnowledgeIndex } from '../weaviate/weaviate-knowledge.index';
import { createKnowledgeBackend } from './knowledge-backend.factory';

describe(createKnowledgeBackend.name, () => {
  // Never queried: the factory only builds adapters.
  const db = {} as PgliteDatabase;

  it('runs on the embedded hashing embedder and Postgres with no key, without a reranker', () => {
    const backend = createKnowledgeBackend(db, { providers: { voyage: {} } });

    expect(backend.embedder).toBeInstanceOf(HashingEmbedder);
    expect(backend.index).toBeInstanceOf(PostgresKnowledgeIndex);
    expect(backend.retriever).toBe(backend.index);
    expect(backend.description).toBe('postgres index, hashing-v1-512 embeddings, no reranker');
  });

  it('embeds with Voyage and reranks hybrid results when a Voyage key is set', () => {
    const backend = createKnowledgeBackend(db, { providers: { voyage: { apiKey: 'pa-test', embedModel: 'voyage-3.5', rerankModel: 'rerank-2.5-lite' } } });

    expect(backend.embedder).toMatchObject({ name: 'voyage-voyage-3.5-512', dimensions: 512 });
    expect(backend.reranker?.name).toBe('voyage-rerank-2.5-lite');
    expect(backend.retriever).toBeInstanceOf(RerankingRetriever);
  });

  it('leaves reranking off when KB_RERANK is false', () => {
    const backend = createKnowledgeBackend(db, { providers: { voyage: { apiKey: 'pa-test', rerank: false } } });

    expect(backend.reranker).toBeUndefined();
    expect(backend.retriever).toBe(backend.index);
  });

  it('keeps the index in Weaviate when WEAVIATE_URL is set', () => {
    const backend = createKnowledgeBackend(db, { providers: { voyage: {}, weaviate: { url: 'http://127.0.0.1:8080', alpha: 0.7 } } });

    expect(backend.index).toBeInstanceOf(WeaviateKnowledgeIndex);
    expect(backend.description).toBe('weaviate (http://127.0.0.1:8080) index, hashing-v1-512 embeddings, no reranker');
  });
});
