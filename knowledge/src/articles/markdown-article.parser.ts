import { parse as parseYaml } from 'yaml';
import { Article } from './article';

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** What came out of one Markdown file: the article, and what had to be assumed to get it. */
export interface ParsedMarkdownArticle {
  article: Article;
  warnings: string[];
}

/**
 * Reads one help-center Markdown file: YAML front matter (`id`, `title`, `url`, `updated_at`, `policies`)
 * then the body. Missing fields fall back to the file name and the first `#` heading.
 * Throws on empty files and unreadable front matter.
 */
export function parseMarkdownArticle(source: string, fileStem: string): ParsedMarkdownArticle {
  if (!source.trim()) throw new Error('empty file');
  const warnings: string[] = [];
  const match = FRONT_MATTER.exec(source);
  const meta = match ? frontMatter(match[1]) : {};
  if (!match) warnings.push('no front matter');
  let body = match ? source.slice(match[0].length) : source;

  const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(body);
  const title = text(meta.title) ?? heading?.[1] ?? fileStem;
  if (heading && heading[1] === title) body = body.replace(heading[0], '');
  if (!body.trim()) throw new Error('no body text');

  const id = text(meta.id);
  if (!id) warnings.push(`no id in front matter; using the file name "${fileStem}"`);
  return {
    article: {
      id: id ?? fileStem,
      title,
      url: text(meta.url),
      updatedAt: dateText(meta.updated_at),
      policyIds: Array.isArray(meta.policies) ? meta.policies.map(String) : [],
      body: body.trim(),
    },
    warnings,
  };
}

function frontMatter(yaml: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parseYaml(yaml);
  } catch (error) {
    throw new Error(`front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('front matter is not a mapping');
  return parsed as Record<string, unknown>;
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = String(value).trim();
  return trimmed || undefined;
}

function dateText(value: unknown): string | undefined {
  return value instanceof Date ? value.toISOString() : text(value);
}
