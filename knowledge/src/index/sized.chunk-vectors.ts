import { Queryable } from '@support/platform';
import { ChunkVectors, Similarities } from './chunk-vectors';
import { GenerationCache } from './generation-cache';
import { InProcessChunkVectors } from './in-process.chunk-vectors';
import { PgvectorChunkVectors } from './pgvector.chunk-vectors';

/** Up to this many chunks an exact scan in process beats a pgvector query (about 1 ms at 2,000 x 512 dims). */
export const MAX_SCANNED_CHUNKS = 2000;

/**
 * pgvector's HNSW index for a large help center; for a small one the same column read into memory
 * and scanned exactly, which on embedded Postgres saves a few ms a question. Chosen per index generation.
 */
export class SizedChunkVectors implements ChunkVectors {
  readonly column = 'embedding_vector' as const;
  private readonly indexed = new PgvectorChunkVectors();
  private readonly scanned = new InProcessChunkVectors('embedding_vector');
  private readonly choice: GenerationCache<ChunkVectors>;
  /** The choice for the latest generation a search has asked about, for the synchronous `similaritySql`. */
  private latest?: { generation: number; vectors: ChunkVectors };

  constructor(
    private readonly db: Queryable,
    private readonly maxScanned = MAX_SCANNED_CHUNKS,
  ) {
    this.choice = new GenerationCache(async () => {
      const { rows } = await this.db.query<{ count: string }>(`SELECT count(*) AS count FROM knowledge_chunks WHERE embedding_vector IS NOT NULL`);
      return Number(rows[0].count) <= this.maxScanned ? this.scanned : this.indexed;
    });
  }

  toParameter(vector: number[]): unknown {
    return this.indexed.toParameter(vector);
  }

  async nearest(db: Queryable, vector: number[], limit: number, generation: number): Promise<Similarities> {
    const vectors = await this.choice.get(generation);
    this.latest = { generation, vectors };
    return vectors.nearest(db, vector, limit, generation);
  }

  /** Asked after `nearest` for the same generation; for any other, pgvector's SQL, which is exact either way. */
  similaritySql(parameter: number, generation: number): string | undefined {
    const vectors = this.latest?.generation === generation ? this.latest.vectors : this.indexed;
    return vectors.similaritySql(parameter, generation);
  }

  async similarities(db: Queryable, vector: number[], ids: string[], generation: number): Promise<Similarities> {
    return (await this.choice.get(generation)).similarities(db, vector, ids, generation);
  }
}
