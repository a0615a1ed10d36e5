import { KnowledgeSource, SourceRef } from './knowledge-source';

/**
 * Which source each indexed article belongs to. An article id belongs to one source: a source's
 * re-index touches only its own articles.
 */
export abstract class SourceRegistry {
  /** Records the source (if new) and claims the ids nobody owns; answers each id's owner afterwards. */
  abstract claim(source: SourceRef, articleIds: string[]): Promise<Map<string, string>>;
  abstract articlesOf(name: string): Promise<Set<string>>;
  /** After a finished ingestion: the source owns exactly `articleIds`, ingested now. */
  abstract settle(name: string, articleIds: string[]): Promise<void>;
  abstract list(): Promise<KnowledgeSource[]>;
  abstract find(name: string): Promise<KnowledgeSource | undefined>;
  /** Forgets the source and its articles' ownership. */
  abstract forget(name: string): Promise<void>;
  /**
   * Takes or keeps the lease on `run` (a source's scheduled re-index) for `holder`, for `forMs` from now:
   * true when nobody else holds it (it was free, had lapsed, or is `holder`'s own). A holder that dies
   * keeps it only until it lapses; then the next process to ask takes it.
   */
  abstract leaseRun(run: string, holder: string, forMs: number): Promise<boolean>;
}
