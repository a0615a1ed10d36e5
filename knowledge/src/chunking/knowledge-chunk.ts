/** A piece of an article small enough to retrieve and quote on its own. */
export interface KnowledgeChunk {
  /** Stable while the article's headings stay the same: `<article id>#<section slug>[-<part>]`. */
  id: string;
  articleId: string;
  /** Order inside the article. */
  position: number;
  title: string;
  url?: string;
  /** Heading path, e.g. "Returns > Damaged items"; empty for the text before the first heading. */
  section: string;
  text: string;
  policyIds: string[];
  updatedAt?: string;
  /** Hash of what is embedded (title, section, text): when it changes, the chunk is re-embedded. */
  contentHash: string;
}

/** What the embedder and the full-text index see for a chunk. */
export function embeddingInput(chunk: Pick<KnowledgeChunk, 'title' | 'section' | 'text'>): string {
  return [chunk.title, chunk.section, chunk.text].filter(Boolean).join('\n');
}
