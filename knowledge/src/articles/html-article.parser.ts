import { ParsedMarkdownArticle } from './markdown-article.parser';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Reads one exported help-center HTML page: `<title>` or the first `<h1>` as title, `<meta name="...">` for
 * `id`, `url` (or `<link rel="canonical">`), `updated_at` (or `article:modified_time`) and `policies`
 * (comma-separated); `<h2>`/`<h3>` become section headings, block elements paragraphs. Scripts, styles and
 * navigation are dropped. Throws when no body text is left.
 */
export function parseHtmlArticle(source: string, fileStem: string): ParsedMarkdownArticle {
  if (!source.trim()) throw new Error('empty file');
  const warnings: string[] = [];
  const meta = (name: string) =>
    decode(new RegExp(`<meta[^>]+(?:name|property)=["']${name}["'][^>]*content=["']([^"']*)["']`, 'i').exec(source)?.[1] ?? '').trim() || undefined;
  const canonical = /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(source)?.[1];
  const titleTag = text(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(source)?.[1]);
  const h1 = text(/<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(source)?.[1]);
  const title = h1 || titleTag || fileStem;

  const content = /<(?:main|article)[^>]*>([\s\S]*)<\/(?:main|article)>/i.exec(source)?.[1] ?? /<body[^>]*>([\s\S]*)<\/body>/i.exec(source)?.[1] ?? source;
  const body = toMarkdown(content.replace(/<h1[^>]*>[\s\S]*?<\/h1>/i, ''));
  if (!body) throw new Error('no body text');

  const id = meta('id');
  if (!id) warnings.push(`no id meta tag; using the file name "${fileStem}"`);
  return {
    article: {
      id: id ?? fileStem,
      title,
      url: meta('url') ?? canonical,
      updatedAt: meta('updated_at') ?? meta('article:modified_time'),
      policyIds: (meta('policies') ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
      body,
    },
    warnings,
  };
}

function toMarkdown(html: string): string {
  return decode(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style|nav|header|footer|noscript|template)[^>]*>[\s\S]*?<\/\1>/gi, '')
      .replace(/<h2[^>]*>([\s\S]*?)<\/h2>/gi, (_, inner) => `\n\n## ${inline(inner)}\n\n`)
      .replace(/<h[3-6][^>]*>([\s\S]*?)<\/h[3-6]>/gi, (_, inner) => `\n\n### ${inline(inner)}\n\n`)
      .replace(/<li[^>]*>/gi, '\n- ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?(p|div|section|ul|ol|table|tr|blockquote|pre)[^>]*>/gi, '\n\n')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function inline(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function text(html: string | undefined): string | undefined {
  return html ? decode(inline(html)) || undefined : undefined;
}

function decode(text: string): string {
  return text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (entity, code: string) => {
    if (code[0] === '#') return String.fromCodePoint(code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
    return ENTITIES[code.toLowerCase()] ?? entity;
  });
}
