import { TermStatistics } from './term-statistics';

/** Title words count three times, section words twice (the tsvector's A and B weights). */
const FIELD_WEIGHT: Record<string, number> = { A: 3, B: 2, C: 1, D: 1 };
const K1 = 1.2;
const B = 0.75;

interface Posting {
  rows: number[];
  frequencies: number[];
}

/**
 * The chunks' full-text vectors held in memory as postings, reloaded when the index generation moves, so
 * full-text candidates come from a BM25 pass over the query's few postings lists instead of Postgres ranking
 * every chunk that shares any word with the question (at 10,000 chunks that was 70 ms a query on PGlite).
 * Also the source of the term statistics the scorer weighs coverage with.
 */
export class LexicalIndex {
  private constructor(
    private readonly ids: string[],
    private readonly lengths: Float64Array,
    private readonly averageLength: number,
    private readonly postings: Map<string, Posting>,
    readonly statistics: TermStatistics,
  ) {}

  /** Postings of the chunks' full-text vectors: each chunk's lexemes with their weighted counts. */
  static fromChunks(rows: Array<{ id: string; terms: Array<[string, number]> }>): LexicalIndex {
    const postings = new Map<string, Posting>();
    const lengths = new Float64Array(rows.length);
    rows.forEach((row, index) => {
      for (const [lexeme, frequency] of row.terms) {
        let posting = postings.get(lexeme);
        if (!posting) postings.set(lexeme, (posting = { rows: [], frequencies: [] }));
        posting.rows.push(index);
        posting.frequencies.push(frequency);
        lengths[index] += frequency;
      }
    });
    const averageLength = rows.length ? lengths.reduce((sum, length) => sum + length, 0) / rows.length : 1;
    const documentFrequency = new Map([...postings].map(([lexeme, posting]) => [lexeme, posting.rows.length]));
    return new LexicalIndex(
      rows.map((row) => row.id),
      lengths,
      averageLength || 1,
      postings,
      new TermStatistics(rows.length, documentFrequency),
    );
  }

  /** The `limit` chunks with the best BM25 score for the query's lexemes, best first. */
  candidates(queryLexemes: string[], limit: number): string[] {
    const scores = new Map<number, number>();
    for (const lexeme of new Set(queryLexemes)) {
      const posting = this.postings.get(lexeme);
      if (!posting) continue;
      const idf = this.statistics.inverseFrequency(lexeme);
      posting.rows.forEach((row, i) => {
        const frequency = posting.frequencies[i];
        const norm = frequency + K1 * (1 - B + (B * this.lengths[row]) / this.averageLength);
        scores.set(row, (scores.get(row) ?? 0) + (idf * frequency * (K1 + 1)) / norm);
      });
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([row]) => this.ids[row]);
  }
}

/** `'lexeme':1A,4 'other':2` → lexeme and its weighted count of positions (1 when positions were stripped). */
export function parseTsvector(text: string): Array<[string, number]> {
  const entries: Array<[string, number]> = [];
  for (const match of text.matchAll(/'((?:[^']|'')*)'(?::([0-9A-D,]+))?/g)) {
    const lexeme = match[1].replace(/''/g, "'").replace(/\\(.)/g, '$1');
    const positions = match[2]?.split(',') ?? ['D'];
    entries.push([lexeme, positions.reduce((sum, position) => sum + (FIELD_WEIGHT[position.replace(/\d+/g, '')] ?? 1), 0)]);
  }
  return entries;
}
