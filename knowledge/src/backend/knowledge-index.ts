import { Article } from '../articles/article';
import { SyncScope, SyncSummary } from '../index/sync-plan';
import { KnowledgeRetriever } from '../knowledge-retriever';

/** Told after each batch of chunks is embedded during a sync, for progress bars. */
export interface SyncProgress {
  onEmbedded?(embedded: number, total: number): void;
}

/**
 * A searchable store of help-center chunks that can be made to match a set of articles. Implemented by
 * `PostgresKnowledgeIndex`; a Weaviate index with the same `sync`/`search`/`findPolicy` fits the same slot.
 */
export interface KnowledgeIndex extends KnowledgeRetriever {
  sync(articles: Article[], progress?: SyncProgress, scope?: SyncScope): Promise<SyncSummary>;
}
