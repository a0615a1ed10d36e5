import { Queryable } from '@support/platform';
import { CHUNK_COLUMNS, ChunkRow } from './chunk-row';
import { LexicalIndex, parseTsvector } from './lexical.index';

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
  constructor(private readonly entries: Map<string, CatalogueEntry>) {}

  get(id: string): CatalogueEntry | undefined {
    return this.entries.get(id);
  }
}

/** What search holds per index generation, from one read of the chunks: their catalogue and the full-text postings. */
export async function readSearchMemory(db: Queryable): Promise<{ catalogue: ChunkCatalogue; lexical: LexicalIndex }> {
  const { rows } = await db.query<ChunkRow & { tsv: string }>(`SELECT ${CHUNK_COLUMNS}, tsv::text AS tsv FROM knowledge_chunks ORDER BY id`);
  const chunks = rows.map(({ tsv, ...row }) => ({ row, terms: parseTsvector(tsv) }));
  return {
    catalogue: new ChunkCatalogue(new Map(chunks.map(({ row, terms }) => [row.id, { row, lexemes: new Set(terms.map(([lexeme]) => lexeme)) }]))),
    lexical: LexicalIndex.fromChunks(chunks.map(({ row, terms }) => ({ id: row.id, terms }))),
  };
}
