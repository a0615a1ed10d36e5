import { Queryable } from '@support/platform';
import { CHUNK_COLUMNS, ChunkRow } from './chunk-row';

/** A chunk as search needs it: what the passage shows, and the lexemes its coverage is scored on. */
export interface CatalogueEntry {
  row: ChunkRow;
  lexemes: Set<string>;
}

/**
 * Every chunk's text and lexemes in memory, read once per index generation, so a search fetches only
 * what depends on the question (the full-text rank) instead of parsing every candidate's text again.
 */
export class ChunkCatalogue {
  private constructor(private readonly entries: Map<string, CatalogueEntry>) {}

  static async read(db: Queryable): Promise<ChunkCatalogue> {
    const { rows } = await db.query<ChunkRow & { lexemes: string[] }>(`SELECT ${CHUNK_COLUMNS}, tsvector_to_array(tsv) AS lexemes FROM knowledge_chunks`);
    return new ChunkCatalogue(new Map(rows.map(({ lexemes, ...row }) => [row.id, { row, lexemes: new Set(lexemes) }])));
  }

  get(id: string): CatalogueEntry | undefined {
    return this.entries.get(id);
  }
}
