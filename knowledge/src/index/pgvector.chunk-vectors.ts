import { Queryable } from '@support/platform';
import { ChunkVectors, Similarities } from './chunk-vectors';

/** Embeddings in a pgvector column, nearest found through its HNSW index. */
export class PgvectorChunkVectors implements ChunkVectors {
  readonly column = 'embedding_vector' as const;

  toParameter(vector: number[]): string {
    return pgvectorLiteral(vector);
  }

  async nearest(db: Queryable, vector: number[], limit: number): Promise<Similarities> {
    const result = await db.query<{ id: string; similarity: number }>(
      `SELECT id, 1 - (embedding_vector <=> $1::vector) AS similarity FROM knowledge_chunks
       WHERE embedding_vector IS NOT NULL ORDER BY embedding_vector <=> $1::vector LIMIT $2`,
      [this.toParameter(vector), limit],
    );
    return new Map(result.rows.map((row) => [row.id, Number(row.similarity)]));
  }

  similaritySql(parameter: number): string {
    return `1 - (embedding_vector <=> $${parameter}::vector)`;
  }

  async similarities(db: Queryable, vector: number[], ids: string[]): Promise<Similarities> {
    if (!ids.length) return new Map();
    const result = await db.query<{ id: string; similarity: number }>(
      `SELECT id, 1 - (embedding_vector <=> $1::vector) AS similarity FROM knowledge_chunks
       WHERE id = ANY($2::text[]) AND embedding_vector IS NOT NULL`,
      [this.toParameter(vector), ids],
    );
    return new Map(result.rows.map((row) => [row.id, Number(row.similarity)]));
  }
}

/** A vector as pgvector's text input, `[0.1,0.2,…]`. */
export function pgvectorLiteral(vector: number[]): string {
  return `[${vector.join(',')}]`;
}
