import { ValidationError } from '@support/platform';
import { Article } from '../articles/article';
import { SyncProgress } from '../backend/knowledge-index';
import { SyncScope, SyncSummary } from '../index/sync-plan';
import { InMemorySourceRegistry } from '../sources/in-memory-source.registry';
import { helpCenterSource, SourceRef } from '../sources/knowledge-source';
import { SourceRegistry } from '../sources/source-registry';
import { loadArticleFiles, SkippedSource } from './article-files.loader';

export type { SkippedSource } from './article-files.loader';

/** The part of an index the ingestor needs. */
export interface ArticleSink {
  sync(articles: Article[], progress?: SyncProgress, scope?: SyncScope): Promise<SyncSummary>;
}

export interface IngestSummary extends SyncSummary {
  articles: number;
  skipped: SkippedSource[];
  /** Articles kept with an assumption, e.g. the file name used as id. */
  warnings: SkippedSource[];
}

/**
 * Loads a source (a folder, or one file, of Markdown, HTML and JSONL articles) and makes the index hold
 * exactly its articles, leaving other sources' articles alone. The help center (HELP_CENTER_DIR) is one
 * source; folders indexed by hand are others.
 */
export class HelpCenterIngestor {
  /** `onIndexed` hears the articles once the index holds them (e.g. to rebuild the policy digest). */
  constructor(
    private readonly index: ArticleSink,
    private readonly onIndexed?: (articles: Article[]) => void,
    readonly sources: SourceRegistry = new InMemorySourceRegistry(),
  ) {}

  async ingest(path: string, progress?: SyncProgress, source: SourceRef = helpCenterSource(path)): Promise<IngestSummary> {
    const { articles, skipped, warnings } = await loadArticleFiles(path);
    // An empty load would otherwise empty the source: almost always a wrong path, not an empty help center.
    if (!articles.size) throw new ValidationError(`no articles found in ${path}`, { skipped });
    const owners = await this.sources.claim(source, [...articles.keys()]);
    for (const [id, { path: shown }] of articles) {
      const owner = owners.get(id);
      if (owner === source.name) continue;
      skipped.push({ path: shown, reason: `article id ${id} is already indexed from source "${owner}"` });
      articles.delete(id);
    }
    if (!articles.size) throw new ValidationError(`no articles of ${path} could be indexed: their ids belong to other sources`, { skipped });
    const owned = await this.sources.articlesOf(source.name);
    const kept = [...articles.values()].map(({ article }) => article);
    const summary = await this.index.sync(kept, progress, { owns: (id) => owned.has(id) });
    await this.sources.settle(source.name, [...articles.keys()]);
    this.onIndexed?.(kept);
    return { ...summary, articles: articles.size, skipped, warnings };
  }

  /** Takes a source's articles out of the index and forgets the source; undefined when there is no such source. */
  async remove(name: string): Promise<SyncSummary | undefined> {
    if (!(await this.sources.find(name))) return undefined;
    const owned = await this.sources.articlesOf(name);
    const summary = await this.index.sync([], undefined, { owns: (id) => owned.has(id) });
    await this.sources.forget(name);
    return summary;
  }
}
