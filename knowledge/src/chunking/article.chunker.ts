import { createHash } from 'node:crypto';
import { Article } from '../articles/article';
import { findPolicyIds } from '../articles/policy-ids';
import { embeddingInput, KnowledgeChunk } from './knowledge-chunk';
import { splitMarkdownSections } from './markdown-sections';
import { packPassages } from './passage-packer';

export interface ArticleChunkerOptions {
  /** Longest chunk text in characters (default 1200, about 250 tokens). */
  maxChars?: number;
  /** Text repeated from the previous piece when a long section is split (default 200). */
  overlapChars?: number;
}

/** Cuts articles along their headings into chunks that keep the article's identity and the policies they state. */
export class ArticleChunker {
  private readonly maxChars: number;
  private readonly overlapChars: number;

  constructor(options: ArticleChunkerOptions = {}) {
    this.maxChars = options.maxChars ?? 1200;
    this.overlapChars = options.overlapChars ?? 200;
  }

  chunk(article: Article): KnowledgeChunk[] {
    const usedIds = new Set<string>();
    const chunks: KnowledgeChunk[] = [];
    for (const section of splitMarkdownSections(article.body)) {
      const sectionPath = section.headings.join(' > ');
      const pieces = packPassages(section.text, { maxChars: this.maxChars, overlapChars: this.overlapChars });
      const baseId = uniqueId(`${article.id}#${slug(sectionPath) || 'intro'}`, usedIds);
      pieces.forEach((text, part) => {
        chunks.push({
          id: pieces.length > 1 ? `${baseId}-${part + 1}` : baseId,
          articleId: article.id,
          position: chunks.length,
          title: article.title,
          url: article.url,
          section: sectionPath,
          text,
          policyIds: findPolicyIds(`${sectionPath}\n${text}`),
          updatedAt: article.updatedAt,
          contentHash: contentHash(article.title, sectionPath, text),
        });
      });
    }
    attachUnstatedPolicies(article, chunks);
    return chunks;
  }
}

/** A front-matter policy no chunk states still has to lead somewhere: the article's opening chunk. */
function attachUnstatedPolicies(article: Article, chunks: KnowledgeChunk[]): void {
  if (!chunks.length) return;
  const stated = new Set(chunks.flatMap((chunk) => chunk.policyIds));
  const unstated = article.policyIds.filter((id) => !stated.has(id));
  chunks[0].policyIds = [...chunks[0].policyIds, ...unstated];
}

function contentHash(title: string, section: string, text: string): string {
  return createHash('sha256').update(embeddingInput({ title, section, text })).digest('hex').slice(0, 32);
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}~${n}`;
  used.add(candidate);
  return candidate;
}
