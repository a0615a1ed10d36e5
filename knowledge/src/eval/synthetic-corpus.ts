import { Article } from '../articles/article';
import { ArticleChunker } from '../chunking/article.chunker';

/**
 * Grows a corpus to at least `targetChunks` chunks for latency measurements: copy k of an article keeps its
 * title and reorders its paragraphs, with one paragraph borrowed from another article, so term statistics
 * and vectors stay realistic instead of exact duplicates.
 */
export function synthesiseCorpus(articles: Article[], targetChunks: number, chunker = new ArticleChunker()): { articles: Article[]; chunks: number } {
  const result = [...articles];
  let chunks = articles.reduce((sum, article) => sum + chunker.chunk(article).length, 0);
  const random = seededRandom(42);
  for (let copy = 1; chunks < targetChunks; copy++) {
    for (const [i, article] of articles.entries()) {
      if (chunks >= targetChunks) break;
      const paragraphs = article.body.split(/\n\s*\n/);
      const borrowed = articles[(i + copy * 7) % articles.length].body.split(/\n\s*\n/);
      paragraphs.splice(Math.floor(random() * (paragraphs.length + 1)), 0, borrowed[Math.floor(random() * borrowed.length)]);
      const variant = { ...article, id: `${article.id}~${copy}`, body: shuffle(paragraphs, random).join('\n\n') };
      chunks += chunker.chunk(variant).length;
      result.push(variant);
    }
  }
  return { articles: result, chunks };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** mulberry32: the same corpus on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
