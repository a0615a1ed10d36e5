import weaviate, { ApiKey, FusionType, type WeaviateClient, type WhereFilter } from 'weaviate-ts-client';
import { ProviderError } from '@support/platform';
import { Article } from '../articles/article';
import { KnowledgeIndex, SyncProgress } from '../backend/knowledge-index';
import { ArticleChunker } from '../chunking/article.chunker';
import { embeddingInput, KnowledgeChunk } from '../chunking/knowledge-chunk';
import { Embedder } from '../embedding/embedder';
import { KnowledgeRetriever, Passage, SearchOptions } from '../knowledge-retriever';
import { planSync, StoredChunkState, SyncScope, SyncSummary, WHOLE_INDEX } from '../index/sync-plan';
import { CalibratedRelevance, CalibrationWeights, cosine, DEFAULT_CALIBRATION } from './calibrated.relevance';
import { CHUNK_FIELDS, chunkObjectId, chunkPassage, ChunkProperties, chunkProperties, storedChunkState } from './chunk.object';
import { migrateChunkClass, SchemaMigration, SEARCHED_PROPERTIES } from './help-center-chunk.schema';
import { KnowledgeFilter, whereFilter } from './knowledge.filter';
import { weaviateError } from './weaviate-error.mapper';

export interface WeaviateKnowledgeIndexOptions {
  /** e.g. `http://localhost:8080` or `https://my-cluster.weaviate.cloud` (WEAVIATE_URL). */
  url: string;
  /** Sent as `Authorization: Bearer` (WEAVIATE_API_KEY). */
  apiKey?: string;
  /** Class holding the chunks (WEAVIATE_CLASS, default HelpCenterChunk). A new embedding size needs a new class. */
  className?: string;
  /** Hybrid balance: 0 = BM25 only, 1 = vectors only (WEAVIATE_ALPHA, default 0.5). */
  alpha?: number;
  /** Hybrid results fetched before calibrated scoring (default 30). */
  candidates?: number;
  calibration?: Partial<CalibrationWeights>;
  chunker?: ArticleChunker;
  /** Texts per embedder call during sync (default 64). */
  embedBatchSize?: number;
  /** Objects per batch request (default 100). */
  writeBatchSize?: number;
}

export interface WeaviateSearchOptions extends SearchOptions {
  filter?: KnowledgeFilter;
}

interface ChunkHit extends ChunkProperties {
  _additional: { id: string; score?: string | null; vector?: number[] | null };
}

/** Objects read per page when listing what is stored; chunk ids per delete or lookup request. */
const PAGE_SIZE = 500;
const ID_GROUP_SIZE = 200;

/**
 * The help center in Weaviate, through weaviate-ts-client (REST + GraphQL): our own vectors
 * (`vectorizer: none`), hybrid BM25 + vector search, scores calibrated to [0, 1] so the agent's threshold
 * means the same as with the Postgres index. The class is created or migrated on first use.
 */
export class WeaviateKnowledgeIndex extends KnowledgeRetriever implements KnowledgeIndex {
  readonly className: string;
  readonly alpha: number;
  private readonly client: WeaviateClient;
  private readonly candidates: number;
  private readonly relevance: CalibratedRelevance;
  private readonly chunker: ArticleChunker;
  private readonly embedBatchSize: number;
  private readonly writeBatchSize: number;
  private migration?: Promise<SchemaMigration>;

  constructor(
    private readonly embedder: Embedder,
    options: WeaviateKnowledgeIndexOptions,
  ) {
    super();
    this.client = weaviate.client({ host: options.url.replace(/\/+$/, ''), apiKey: options.apiKey ? new ApiKey(options.apiKey) : undefined });
    this.className = options.className ?? 'HelpCenterChunk';
    this.alpha = options.alpha ?? 0.5;
    if (this.alpha < 0 || this.alpha > 1) throw new RangeError(`alpha must be in [0, 1], got ${this.alpha}`);
    this.candidates = options.candidates ?? 30;
    this.relevance = new CalibratedRelevance({ ...DEFAULT_CALIBRATION, ...options.calibration });
    this.chunker = options.chunker ?? new ArticleChunker();
    this.embedBatchSize = options.embedBatchSize ?? 64;
    this.writeBatchSize = options.writeBatchSize ?? 100;
  }

  /** Creates the class or adds missing properties; runs once, before the first read or write. */
  migrateSchema(): Promise<SchemaMigration> {
    if (!this.migration) {
      this.migration = migrateChunkClass(this.client, this.className).catch((error) => {
        this.migration = undefined;
        throw weaviateError(`migrating class ${this.className}`, error);
      });
    }
    return this.migration;
  }

  /**
   * Makes the index hold exactly these articles among those `scope` owns (default: all); only chunks whose
   * content changed are embedded again.
   */
  async sync(articles: Article[], progress: SyncProgress = {}, scope: SyncScope = WHOLE_INDEX): Promise<SyncSummary> {
    await this.migrateSchema();
    const chunks = articles.flatMap((article) => this.chunker.chunk(article));
    const plan = planSync(chunks, await this.storedStates(), this.embedder.name, scope);
    const embeddings = await this.embedAll(plan.toEmbed, progress);
    // Relabelled chunks are written whole again (so a removed url really goes) with the vector they have.
    const storedVectors = await this.vectorsOf(plan.toRelabel.map((chunk) => chunk.id));
    const relabel = plan.toRelabel.filter((chunk) => storedVectors.has(chunk.id));
    const lostVectors = plan.toRelabel.filter((chunk) => !storedVectors.has(chunk.id));
    const recovered = await this.embedAll(lostVectors, {});
    await this.write([
      ...plan.toEmbed.map((chunk, i) => ({ chunk, vector: embeddings[i] })),
      ...relabel.map((chunk) => ({ chunk, vector: storedVectors.get(chunk.id)! })),
      ...lostVectors.map((chunk, i) => ({ chunk, vector: recovered[i] })),
    ]);
    // Removed last: a sync that fails half-way leaves a stale chunk for a while rather than a hole.
    await this.remove(plan.toRemove);
    return plan.summary;
  }

  async search(query: string, options: WeaviateSearchOptions = {}): Promise<Passage[]> {
    const limit = options.limit ?? 5;
    if (!query.trim() || hasEmptyList(options.filter)) return [];
    await this.migrateSchema();
    const [vector] = await this.embedder.embed([query], 'query');
    const request = this.client.graphql
      .get()
      .withClassName(this.className)
      .withHybrid({ query, vector, alpha: this.alpha, fusionType: FusionType.relativeScoreFusion, properties: SEARCHED_PROPERTIES })
      .withLimit(Math.max(this.candidates, limit))
      .withFields(`${CHUNK_FIELDS} _additional { id score vector }`);
    const where = whereFilter(options.filter);
    if (where) request.withWhere(where);
    const hits = await this.getChunks(request.do(), 'hybrid search');
    const scores = this.relevance.score(
      query,
      hits.map((hit) => ({
        text: embeddingInput(hit),
        fusionScore: Number(hit._additional.score ?? 0),
        similarity: hit._additional.vector ? cosine(vector, hit._additional.vector) : 0,
      })),
    );
    return hits
      .map((hit, i) => ({ passage: chunkPassage(hit, scores[i]), rank: i }))
      .sort((a, b) => b.passage.score - a.passage.score || a.rank - b.rank)
      .slice(0, limit)
      .map(({ passage }) => passage);
  }

  /** Every chunk that states the policy, in article order; score 1 because the match is exact. */
  async findPolicy(policyId: string): Promise<Passage[]> {
    await this.migrateSchema();
    const hits = await this.readAll({ path: ['policyIds'], operator: 'ContainsAny', valueTextArray: [policyId] }, 'policy lookup');
    return hits.sort((a, b) => a.articleId.localeCompare(b.articleId) || a.position - b.position).map((hit) => chunkPassage(hit, 1));
  }

  /** Cursor pagination (`after`) over the whole class: the state sync compares against. */
  private async storedStates(): Promise<StoredChunkState[]> {
    const states: StoredChunkState[] = [];
    for (let after: string | undefined; ;) {
      const request = this.client.graphql
        .get()
        .withClassName(this.className)
        .withLimit(PAGE_SIZE)
        .withFields('chunkId articleId position url updatedAt policyIds contentHash embedder _additional { id }');
      if (after) request.withAfter(after);
      const page = await this.getChunks(request.do(), 'listing stored chunks');
      states.push(...page.filter((hit) => hit.chunkId).map(storedChunkState));
      if (page.length < PAGE_SIZE) return states;
      after = page[page.length - 1]._additional.id;
    }
  }

  /** Chunks matching a filter, limited by QUERY_MAXIMUM_RESULTS (10,000 by default), read in pages. */
  private async readAll(where: WhereFilter, action: string, fields = `${CHUNK_FIELDS} _additional { id }`): Promise<ChunkHit[]> {
    const hits: ChunkHit[] = [];
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const request = this.client.graphql.get().withClassName(this.className).withWhere(where).withLimit(PAGE_SIZE).withFields(fields);
      if (offset) request.withOffset(offset);
      const page = await this.getChunks(request.do(), action);
      hits.push(...page);
      if (page.length < PAGE_SIZE) return hits;
    }
  }

  private async vectorsOf(chunkIds: string[]): Promise<Map<string, number[]>> {
    const vectors = new Map<string, number[]>();
    for (const group of groups(chunkIds, ID_GROUP_SIZE)) {
      const where: WhereFilter = { path: ['chunkId'], operator: 'ContainsAny', valueTextArray: group };
      for (const hit of await this.readAll(where, 'reading stored vectors', 'chunkId _additional { id vector }')) {
        if (hit._additional.vector?.length) vectors.set(hit.chunkId, hit._additional.vector);
      }
    }
    return vectors;
  }

  private async getChunks(request: Promise<unknown>, action: string): Promise<ChunkHit[]> {
    try {
      const response = (await request) as { data?: { Get?: Record<string, ChunkHit[] | null> } };
      return response.data?.Get?.[this.className] ?? [];
    } catch (error) {
      throw weaviateError(action, error);
    }
  }

  private async embedAll(chunks: KnowledgeChunk[], progress: SyncProgress): Promise<number[][]> {
    const embeddings: number[][] = [];
    progress.onEmbedded?.(0, chunks.length);
    for (const batch of groups(chunks, this.embedBatchSize)) {
      embeddings.push(...(await this.embedder.embed(batch.map(embeddingInput), 'document')));
      progress.onEmbedded?.(embeddings.length, chunks.length);
    }
    return embeddings;
  }

  /** Batch upserts; the batch endpoint answers 200 even when objects fail, so each result is checked. */
  private async write(items: { chunk: KnowledgeChunk; vector: number[] }[]): Promise<void> {
    for (const batch of groups(items, this.writeBatchSize)) {
      const objects = batch.map(({ chunk, vector }) => ({
        class: this.className,
        id: chunkObjectId(chunk.id),
        properties: chunkProperties(chunk, this.embedder.name),
        vector,
      }));
      let results: { id?: string; result?: { errors?: { error?: { message?: string }[] } } }[];
      try {
        results = await this.client.batch
          .objectsBatcher()
          .withObjects(...objects)
          .do();
      } catch (error) {
        throw weaviateError('writing chunks', error);
      }
      const failed = results.filter((r) => r.result?.errors?.error?.length);
      if (failed.length) {
        const reason = failed[0].result!.errors!.error!.map((e) => e.message).join('; ');
        throw new ProviderError('weaviate', `writing chunks: ${failed.length} of ${objects.length} objects failed, first: ${reason}`, false);
      }
    }
  }

  private async remove(chunkIds: string[]): Promise<void> {
    for (const group of groups(chunkIds, ID_GROUP_SIZE)) {
      let response: { results?: { failed?: number; successful?: number } };
      try {
        response = await this.client.batch
          .objectsBatchDeleter()
          .withClassName(this.className)
          .withWhere({ path: ['chunkId'], operator: 'ContainsAny', valueTextArray: group })
          .do();
      } catch (error) {
        throw weaviateError('removing chunks', error);
      }
      if (response.results?.failed) {
        throw new ProviderError('weaviate', `removing chunks: ${response.results.failed} of ${group.length} objects failed`, true);
      }
    }
  }
}

function groups<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

function hasEmptyList(filter: KnowledgeFilter | undefined): boolean {
  return filter?.articleIds?.length === 0 || filter?.policyIds?.length === 0;
}
