/** How many chunks hold each lexeme, for weighting query terms by how telling they are. */
export class TermStatistics {
  constructor(
    readonly chunkCount: number,
    private readonly chunksWithTerm: Map<string, number>,
  ) {}

  /** BM25's idf; a term no chunk holds weighs most, so a question about something absent scores low. */
  inverseFrequency(lexeme: string): number {
    const holding = this.chunksWithTerm.get(lexeme) ?? 0;
    return Math.log(1 + (this.chunkCount - holding + 0.5) / (holding + 0.5));
  }
}
