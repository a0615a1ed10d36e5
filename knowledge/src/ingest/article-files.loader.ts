import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { ValidationError } from '@support/platform';
import { Article } from '../articles/article';
import { parseHtmlArticle } from '../articles/html-article.parser';
import { parseJsonlArticles } from '../articles/jsonl-article.parser';
import { whyNotJsonlArticles } from '../articles/jsonl-file-kind';
import { parseMarkdownArticle } from '../articles/markdown-article.parser';

/** A file, or a line of one, that did not become an article. */
export interface SkippedSource {
  path: string;
  reason: string;
}

export interface LoadedArticles {
  /** By article id, with the file (or file:line) it came from. */
  articles: Map<string, { article: Article; path: string }>;
  skipped: SkippedSource[];
  /** Articles kept with an assumption, e.g. the file name used as id. */
  warnings: SkippedSource[];
}

const SUPPORTED = new Set(['.md', '.markdown', '.jsonl', '.html', '.htm']);

/**
 * Reads the articles of a folder (recursively) or one file: Markdown and HTML pages, and JSONL files of
 * `{id, title, text}` rows. Everything else is listed as skipped, with the reason.
 */
export async function loadArticleFiles(path: string): Promise<LoadedArticles> {
  const loaded: LoadedArticles = { articles: new Map(), skipped: [], warnings: [] };
  for (const file of await sourceFiles(path)) {
    const shown = relative(path, file) || basename(file);
    if (!SUPPORTED.has(extname(file).toLowerCase())) {
      loaded.skipped.push({ path: shown, reason: `unsupported file type ${extname(file) || '(none)'}` });
      continue;
    }
    // A README documents the folder itself; it is not an article.
    if (/^readme\.(md|markdown)$/i.test(basename(file))) continue;
    for (const result of await loadFile(file, shown)) {
      if ('reason' in result) loaded.skipped.push(result);
      else if (loaded.articles.has(result.article.id)) loaded.skipped.push({ path: result.path, reason: `duplicate article id ${result.article.id}` });
      else {
        loaded.articles.set(result.article.id, { article: result.article, path: result.path });
        loaded.warnings.push(...result.warnings.map((reason) => ({ path: result.path, reason })));
      }
    }
  }
  return loaded;
}

type FileResult = { article: Article; path: string; warnings: string[] } | SkippedSource;

async function loadFile(file: string, shown: string): Promise<FileResult[]> {
  const source = await readFile(file, 'utf8');
  if (!source.trim()) return [{ path: shown, reason: 'empty file' }];
  if (extname(file).toLowerCase() === '.jsonl') {
    const notArticles = whyNotJsonlArticles(source);
    if (notArticles) return [{ path: shown, reason: notArticles }];
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
