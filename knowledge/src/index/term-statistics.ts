import { Queryable } from '@support/platform';

/** How many chunks hold each lexeme, for weighting query terms by how telling they are. */
export class TermStatistics {
  constructor(
    readonly chunkCount: number,
    private readonly chunksWithTerm: Map<string, number>,
  ) {}

  static async read(db: Queryable): Promise<TermStatistics> {
    const [terms, chunks] = await Promise.all([
      db.query<{ word: string; ndoc: number }>(`SELECT word, ndoc FROM ts_stat('SELECT tsv FROM knowledge_chunks')`),
      db.query<{ count: string }>(`SELECT count(*) AS count FROM knowledge_chunks`),
    ]);
    return new TermStatistics(Number(chunks.rows[0].count), new Map(terms.rows.map((row) => [row.word, Number(row.ndoc)])));
  }

  /** BM25's idf; a term no chunk holds weighs most, so a question about something absent scores low. */
  inverseFrequency(lexeme: string): number {
    const holding = this.chunksWithTerm.get(lexeme) ?? 0;
    return Math.log(1 + (this.chunkCount - holding + 0.5) / (holding + 0.5));
  }
}
