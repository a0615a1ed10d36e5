import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { ValidationError } from '@support/platform';
import { Article } from '../articles/article';
import { parseHtmlArticle } from '../articles/html-article.parser';
import { parseJsonlArticles } from '../articles/jsonl-article.parser';
import { parseMarkdownArticle } from '../articles/markdown-article.parser';
import { SyncProgress } from '../backend/knowledge-index';
import { SyncSummary } from '../index/sync-plan';

/** The part of an index the ingestor needs. */
export interface ArticleSink {
  sync(articles: Article[], progress?: SyncProgress): Promise<SyncSummary>;
}

/** A file, or a line of one, that did not become an article. */
export interface SkippedSource {
  path: string;
  reason: string;
}

export interface IngestSummary extends SyncSummary {
  articles: number;
  skipped: SkippedSource[];
  /** Articles kept with an assumption, e.g. the file name used as id. */
  warnings: SkippedSource[];
}

const SUPPORTED = new Set(['.md', '.markdown', '.jsonl', '.html', '.htm']);

/** Loads a help-center folder (or one file) of Markdown, HTML and JSONL articles and makes the index match it. */
export class HelpCenterIngestor {
  /** `onIndexed` hears the articles once the index holds them (e.g. to rebuild the policy digest). */
  constructor(
    private readonly index: ArticleSink,
    private readonly onIndexed?: (articles: Article[]) => void,
  ) {}

  async ingest(path: string, progress?: SyncProgress): Promise<IngestSummary> {
    const files = await sourceFiles(path);
    const articles = new Map<string, Article>();
    const skipped: SkippedSource[] = [];
    const warnings: SkippedSource[] = [];
    for (const file of files) {
      const shown = relative(path, file) || basename(file);
      if (!SUPPORTED.has(extname(file).toLowerCase())) {
        skipped.push({ path: shown, reason: `unsupported file type ${extname(file) || '(none)'}` });
        continue;
      }
      // A README documents the folder itself; it is not an article.
      if (/^readme\.(md|markdown)$/i.test(basename(file))) continue;
      for (const loaded of await loadFile(file, shown)) {
        if ('reason' in loaded) skipped.push(loaded);
        else if (articles.has(loaded.article.id)) skipped.push({ path: loaded.path, reason: `duplicate article id ${loaded.article.id}` });
        else {
          articles.set(loaded.article.id, loaded.article);
          warnings.push(...loaded.warnings.map((reason) => ({ path: loaded.path, reason })));
        }
      }
    }
    // An empty load would otherwise empty the index: almost always a wrong path, not an empty help center.
    if (!articles.size) throw new ValidationError(`no articles found in ${path}`, { skipped });
    const summary = await this.index.sync([...articles.values()], progress);
    this.onIndexed?.([...articles.values()]);
    return { ...summary, articles: articles.size, skipped, warnings };
  }
}

type LoadedArticle = { article: Article; path: string; warnings: string[] } | SkippedSource;

async function loadFile(file: string, shown: string): Promise<LoadedArticle[]> {
  const source = await readFile(file, 'utf8');
  if (!source.trim()) return [{ path: shown, reason: 'empty file' }];
  if (extname(file).toLowerCase() === '.jsonl') {
    const { articles, rejected } = parseJsonlArticles(source);
    return [
      ...articles.map((article) => ({ article, path: shown, warnings: [] })),
      ...rejected.map((line) => ({ path: `${shown}:${line.line}`, reason: line.reason })),
    ];
  }
  try {
    const parse = /^\.html?$/i.test(extname(file)) ? parseHtmlArticle : parseMarkdownArticle;
    const { article, warnings } = parse(source, basename(file, extname(file)));
    return [{ article, path: shown, warnings }];
  } catch (error) {
    return [{ path: shown, reason: (error as Error).message }];
  }
}

async function sourceFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new ValidationError(`help center not found: ${path}`);
  if (info.isFile()) return [path];
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}
