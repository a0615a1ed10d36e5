import { Database, Queryable } from '@support/platform';
import { Article } from '../articles/article';
import { SyncProgress } from '../backend/knowledge-index';
import { ArticleChunker } from '../chunking/article.chunker';
import { embeddingInput, KnowledgeChunk } from '../chunking/knowledge-chunk';
import { Embedder } from '../embedding/embedder';
import { KnowledgeRetriever, Passage, SearchOptions } from '../knowledge-retriever';
import { ChunkVectors } from './chunk-vectors';
import { CHUNK_COLUMNS, ChunkRow, toPassage } from './chunk-row';
import { InProcessChunkVectors } from './in-process.chunk-vectors';
import { KNOWLEDGE_VECTOR_DIMENSIONS } from './knowledge.migrations';
import { anyLexemeQuery, topicLexemes } from './lexical-query';
import { SizedChunkVectors } from './sized.chunk-vectors';
import { RelevanceScorer, RelevanceWeights, RetrievalMode } from './relevance.scorer';
import { planSync, StoredChunkState, SyncScope, SyncSummary, WHOLE_INDEX } from './sync-plan';
import { LexicalIndex } from './lexical.index';
import { ChunkCatalogue, readSearchMemory } from './chunk-catalogue';
import { GenerationCache } from './generation-cache';

export interface PostgresKnowledgeIndexOptions {
  /** Which signals rank the passages (default hybrid); the others exist for evaluation. */
  mode?: RetrievalMode;
  /** Candidates taken from each of full text and embeddings before scoring (default 30). */
  candidates?: number;
  weights?: Partial<RelevanceWeights>;
  chunker?: ArticleChunker;
  /** Texts per embedder call during sync (default 64). */
  embedBatchSize?: number;
  /** With pgvector: up to this many chunks, embeddings are scanned in process instead of queried (default 2,000). */
  maxScannedChunks?: number;
}

/** Tuned on kb-stackfaq (see eval/); the hashing embedder puts unrelated English texts around 0.1. */
export const DEFAULT_RELEVANCE_WEIGHTS: RelevanceWeights = {
  coverage: 0.5,
  lexicalRank: 0.3,
  similarity: 0.4,
  similarityFloor: 0.1,
  similarityCeiling: 0.6,
};

/**
 * Hand off below this top score with the default weights and the hashing embedder: on kb-stackfaq and the
 * demo help center, questions the help center answers mostly score above it, unrelated ones well below.
 */
export const RECOMMENDED_SCORE_THRESHOLD = 0.4;

/** Chunks per INSERT statement (12 parameters each; well under Postgres's 65,535). */
const WRITE_BATCH_ROWS = 200;

/** Migrations (`knowledgeMigrations`) must have run on `db` before use. */
export class PostgresKnowledgeIndex extends KnowledgeRetriever {
  private readonly mode: RetrievalMode;
  private readonly candidates: number;
  private readonly scorer: RelevanceScorer;
  private readonly chunker: ArticleChunker;
  private readonly embedBatchSize: number;
  private readonly maxScannedChunks?: number;
  private vectors?: Promise<ChunkVectors>;
  /** Chunk texts, postings and term statistics, loaded once per index generation (every sync that changed something). */
  private readonly memory: GenerationCache<{ catalogue: ChunkCatalogue; lexical: LexicalIndex }>;

  constructor(
    private readonly db: Database,
    private readonly embedder: Embedder,
    options: PostgresKnowledgeIndexOptions = {},
  ) {
    super();
    this.mode = options.mode ?? 'hybrid';
    this.candidates = options.candidates ?? 30;
    this.scorer = new RelevanceScorer(this.mode, { ...DEFAULT_RELEVANCE_WEIGHTS, ...options.weights });
    this.chunker = options.chunker ?? new ArticleChunker();
    this.embedBatchSize = options.embedBatchSize ?? 64;
    this.maxScannedChunks = options.maxScannedChunks;
    this.memory = new GenerationCache(() => readSearchMemory(db));
  }

  /**
   * Makes the index hold exactly these articles among those `scope` owns (default: all); only chunks whose
   * content changed are embedded again.
   */
  async sync(articles: Article[], progress: SyncProgress = {}, scope: SyncScope = WHOLE_INDEX): Promise<SyncSummary> {
    const vectors = await this.chunkVectors();
    const chunks = articles.flatMap((article) => this.chunker.chunk(article));
    const stored = await this.db.query<StoredChunkState>(
      `SELECT id, article_id, content_hash, embedder, ${vectors.column} IS NOT NULL AS has_embedding,
              json_build_array(article_id, position, url, updated_at, policy_ids)::text AS metadata
       FROM knowledge_chunks`,
    );
    const plan = planSync(
      chunks,
      stored.rows.map((row) => ({ ...row, metadata: normaliseJson(row.metadata) })),
      this.embedder.name,
      scope,
    );
    const embeddings = await this.embedAll(plan.toEmbed, progress);
    if (!plan.toEmbed.length && !plan.toRelabel.length && !plan.toRemove.length) return plan.summary;
    await this.db.transaction(async (tx) => {
      if (plan.toRemove.length) await tx.query(`DELETE FROM knowledge_chunks WHERE id = ANY($1::text[])`, [plan.toRemove]);
      await this.write(tx, vectors, plan.toEmbed, embeddings);
      for (const chunk of plan.toRelabel) await this.relabel(tx, chunk);
      await tx.query(`UPDATE knowledge_index_state SET generation = generation + 1`);
    });
    return plan.summary;
  }

  async search(query: string, options: SearchOptions = {}): Promise<Passage[]> {
    const limit = options.limit ?? 5;
    const vectors = await this.chunkVectors();
    // The query's lexemes and its embedding do not depend on each other: a remote embedder runs while the database answers.
    const [terms, queryVector] = await Promise.all([
      this.db.query<{ lexemes: string[]; generation: string }>(
        `SELECT tsvector_to_array(to_tsvector('english', $1)) AS lexemes, (SELECT generation FROM knowledge_index_state) AS generation`,
        [query],
      ),
      this.mode === 'full-text' ? undefined : this.embedder.embed([query], 'query').then((vectors) => vectors[0]),
    ]);
    const queryLexemes = topicLexemes(terms.rows[0].lexemes);
    const generation = Number(terms.rows[0].generation);
    const tsquery = anyLexemeQuery(queryLexemes);

    const { lexical: lexicalIndex, catalogue } = await this.memory.get(generation);
    const lexicalIds = this.mode !== 'dense' && tsquery ? lexicalIndex.candidates(queryLexemes, this.candidates) : [];
    const nearest = queryVector ? await vectors.nearest(this.db, queryVector, this.candidates, generation) : new Map<string, number>();
    // A chunk a sync added after the catalogue was read waits for the next generation's catalogue.
    const ids = [...new Set([...lexicalIds, ...nearest.keys()])].filter((id) => catalogue.get(id));
    if (!ids.length) return [];

    const params: unknown[] = [ids];
    // Dense mode scores by similarity alone: no full-text rank to ask for.
    const rankSql = this.mode !== 'dense' && tsquery ? `ts_rank_cd(tsv, $${params.push(tsquery)}::tsquery, 32)` : undefined;
    const similaritySql = queryVector && nearest.size < ids.length ? vectors.similaritySql(params.length + 1, generation) : undefined;
    if (similaritySql) params.push(vectors.toParameter(queryVector!));
    const missing = ids.filter((id) => !nearest.has(id));
    const similarities =
      queryVector && !similaritySql && missing.length ? await vectors.similarities(this.db, queryVector, missing, generation) : new Map<string, number>();
    // Only what depends on the question comes from the database: the full-text rank (and pgvector's similarity).
    const ranked =
      rankSql || similaritySql
        ? await this.db.query<{ id: string; lexical_rank: number | null; similarity: number | null }>(
            `SELECT id, ${rankSql ?? 'NULL'} AS lexical_rank, ${similaritySql ?? 'NULL'} AS similarity FROM knowledge_chunks WHERE id = ANY($1::text[])`,
            params,
          )
        : { rows: [] };
    const fromDatabase = new Map(ranked.rows.map((row) => [row.id, row]));
    const statistics = lexicalIndex.statistics;
    return ids
      .map((id) => {
        const { row, lexemes } = catalogue.get(id)!;
        const asked = fromDatabase.get(id);
        const score = this.scorer.score(
          {
            queryLexemes,
            chunkLexemes: lexemes,
            lexicalRank: Number(asked?.lexical_rank ?? 0),
            similarity: nearest.get(id) ?? similarities.get(id) ?? Number(asked?.similarity ?? 0),
          },
          statistics,
        );
        return toPassage(row, score);
      })
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
      .slice(0, limit);
  }

  /** Every chunk that states the policy, in article order; score 1 because the match is exact. */
  async findPolicy(policyId: string): Promise<Passage[]> {
    const result = await this.db.query<ChunkRow>(
      `SELECT ${CHUNK_COLUMNS} FROM knowledge_chunks WHERE policy_ids @> ARRAY[$1]::text[] ORDER BY article_id, position`,
      [policyId],
    );
    return result.rows.map((row) => toPassage(row, 1));
  }

  private chunkVectors(): Promise<ChunkVectors> {
    this.vectors ??= this.db.hasVector().then((hasVector) => {
      if (!hasVector) return new InProcessChunkVectors();
      if (this.embedder.dimensions !== KNOWLEDGE_VECTOR_DIMENSIONS) {
        throw new Error(
          `embedder ${this.embedder.name} gives ${this.embedder.dimensions} dimensions; the pgvector column holds ${KNOWLEDGE_VECTOR_DIMENSIONS}`,
        );
      }
      return new SizedChunkVectors(this.db, this.maxScannedChunks);
    });
    return this.vectors;
  }

  private async embedAll(chunks: KnowledgeChunk[], progress: SyncProgress): Promise<number[][]> {
    const embeddings: number[][] = [];
    progress.onEmbedded?.(0, chunks.length);
    for (let start = 0; start < chunks.length; start += this.embedBatchSize) {
      const batch = chunks.slice(start, start + this.embedBatchSize);
      embeddings.push(...(await this.embedder.embed(batch.map(embeddingInput), 'document')));
      progress.onEmbedded?.(embeddings.length, chunks.length);
    }
    return embeddings;
  }

  /** Many rows per INSERT: one statement per chunk made ingestion of large help centers database-bound. */
  private async write(tx: Queryable, vectors: ChunkVectors, chunks: KnowledgeChunk[], embeddings: number[][]): Promise<void> {
    for (let start = 0; start < chunks.length; start += WRITE_BATCH_ROWS) {
      const params: unknown[] = [];
      const rows = chunks.slice(start, start + WRITE_BATCH_ROWS).map((chunk, i) => {
        const values = [
          chunk.id,
          chunk.articleId,
          chunk.position,
          chunk.title,
          chunk.url ?? null,
          chunk.section,
          chunk.text,
          chunk.policyIds,
          chunk.updatedAt ?? null,
          chunk.contentHash,
          this.embedder.name,
          vectors.toParameter(embeddings[start + i]),
        ];
        const first = params.length + 1;
        params.push(...values);
        return `(${values.map((_, j) => `$${first + j}`).join(', ')})`;
      });
      await tx.query(
        `INSERT INTO knowledge_chunks (id, article_id, position, title, url, section, body, policy_ids, updated_at, content_hash, embedder, ${vectors.column})
         VALUES ${rows.join(', ')}
         ON CONFLICT (id) DO UPDATE SET article_id = EXCLUDED.article_id, position = EXCLUDED.position, title = EXCLUDED.title,
           url = EXCLUDED.url, section = EXCLUDED.section, body = EXCLUDED.body, policy_ids = EXCLUDED.policy_ids,
           updated_at = EXCLUDED.updated_at, content_hash = EXCLUDED.content_hash, embedder = EXCLUDED.embedder,
           ${vectors.column} = EXCLUDED.${vectors.column}`,
        params,
      );
    }
  }

  private async relabel(tx: Queryable, chunk: KnowledgeChunk): Promise<void> {
    await tx.query(`UPDATE knowledge_chunks SET article_id = $2, position = $3, url = $4, updated_at = $5, policy_ids = $6 WHERE id = $1`, [
      chunk.id,
      chunk.articleId,
      chunk.position,
      chunk.url ?? null,
      chunk.updatedAt ?? null,
      chunk.policyIds,
    ]);
  }
}

/** Postgres spaces its JSON; re-serialising makes it byte-comparable with `chunkMetadata`. */
function normaliseJson(json: string): string {
  return JSON.stringify(JSON.parse(json));
}
