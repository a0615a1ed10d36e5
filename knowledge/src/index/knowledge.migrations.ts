import { Migration } from '@support/platform';

/** Length of the pgvector column; the embedded hashing embedder's default. Another model needs its own migration. */
export const KNOWLEDGE_VECTOR_DIMENSIONS = 512;

/**
 * Chunks with a generated full-text vector (title weighted A, section B, body D). Embeddings go to
 * `embedding_vector` (pgvector, HNSW) where pgvector exists, else to `embedding real[]`, scored in process.
 * `knowledge_index_state.generation` moves on every change so in-process caches know when to reload.
 */
export const knowledgeMigrations: Migration[] = [
  {
    id: 'knowledge-001-chunks',
    sql: `
CREATE TABLE knowledge_chunks (
  id text PRIMARY KEY,
  article_id text NOT NULL,
  position integer NOT NULL,
  title text NOT NULL,
  url text,
  section text NOT NULL DEFAULT '',
  body text NOT NULL,
  policy_ids text[] NOT NULL DEFAULT '{}',
  updated_at text,
  content_hash text NOT NULL,
  embedder text NOT NULL,
  embedding real[],
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, title), 'A') ||
    setweight(to_tsvector('english'::regconfig, section), 'B') ||
    setweight(to_tsvector('english'::regconfig, body), 'D')
  ) STORED
);
CREATE INDEX knowledge_chunks_tsv_idx ON knowledge_chunks USING gin (tsv);
CREATE INDEX knowledge_chunks_article_idx ON knowledge_chunks (article_id);
CREATE INDEX knowledge_chunks_policy_idx ON knowledge_chunks USING gin (policy_ids);
CREATE TABLE knowledge_index_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  generation bigint NOT NULL
);
INSERT INTO knowledge_index_state (generation) VALUES (0);
`,
  },
  {
    id: 'knowledge-002-vector',
    needsVector: true,
    sql: `
CREATE EXTENSION IF NOT EXISTS vector;
ALTER TABLE knowledge_chunks ADD COLUMN embedding_vector vector(${KNOWLEDGE_VECTOR_DIMENSIONS});
CREATE INDEX knowledge_chunks_embedding_idx ON knowledge_chunks USING hnsw (embedding_vector vector_cosine_ops);
`,
  },
  {
    // Where each article came from, so re-indexing one source never removes another's. Chunks indexed before
    // sources were recorded came from HELP_CENTER_DIR, the only source re-indexed at start.
    id: 'knowledge-003-sources',
    sql: `
CREATE TABLE knowledge_sources (
  name text PRIMARY KEY,
  kind text NOT NULL,
  path text NOT NULL,
  articles integer NOT NULL DEFAULT 0,
  last_ingested_at timestamptz
);
CREATE TABLE knowledge_source_articles (
  article_id text PRIMARY KEY,
  source text NOT NULL REFERENCES knowledge_sources (name) ON DELETE CASCADE
);
CREATE INDEX knowledge_source_articles_source_idx ON knowledge_source_articles (source);
INSERT INTO knowledge_sources (name, kind, path, articles)
  SELECT 'help-center', 'help-center', 'HELP_CENTER_DIR', count(DISTINCT article_id) FROM knowledge_chunks HAVING count(*) > 0;
INSERT INTO knowledge_source_articles (article_id, source) SELECT DISTINCT article_id, 'help-center' FROM knowledge_chunks;
`,
  },
  {
    // Who runs a source's scheduled re-index, until when: one process of the installation at a time.
    id: 'knowledge-004-run-leases',
    sql: `
CREATE TABLE knowledge_run_leases (
  name text PRIMARY KEY,
  holder text NOT NULL,
  until timestamptz NOT NULL
);
`,
  },
];
