import { Queryable } from '@support/platform';
import { ChunkVectors, Similarities } from './chunk-vectors';
import { GenerationCache } from './generation-cache';
import { pgvectorLiteral } from './pgvector.chunk-vectors';

interface LoadedVectors {
  ids: string[];
  rowById: Map<string, number>;
  dimensions: number;
  matrix: Float32Array;
}

/**
 * Embeddings held in memory as one matrix and scanned per query (10k chunks x 512 dims is about 5M
 * multiply-adds, a few ms), reloaded when the index generation moves. The only way on a server without
 * pgvector (`real[]` column); on a small help center, faster than asking pgvector (its column read as text).
 */
export class InProcessChunkVectors implements ChunkVectors {
  private loaded?: GenerationCache<LoadedVectors>;

  constructor(readonly column: 'embedding' | 'embedding_vector' = 'embedding') {}

  toParameter(vector: number[]): unknown {
    return this.column === 'embedding' ? vector : pgvectorLiteral(vector);
  }

  async nearest(db: Queryable, vector: number[], limit: number, generation: number): Promise<Similarities> {
    const loaded = await this.load(db, generation);
    const scores = this.scoreAll(loaded, vector);
    const order = Array.from(scores.keys())
      .sort((a, b) => scores[b] - scores[a])
      .slice(0, limit);
    return new Map(order.map((row) => [loaded.ids[row], scores[row]]));
  }

  similaritySql(): undefined {
    return undefined;
  }

  async similarities(db: Queryable, vector: number[], ids: string[], generation: number): Promise<Similarities> {
    const loaded = await this.load(db, generation);
    const result: Similarities = new Map();
    for (const id of ids) {
      const row = loaded.rowById.get(id);
      if (row !== undefined) result.set(id, dot(loaded, row, vector));
    }
    return result;
  }

  private scoreAll(loaded: LoadedVectors, vector: number[]): Float32Array {
    const scores = new Float32Array(loaded.ids.length);
    for (let row = 0; row < loaded.ids.length; row++) scores[row] = dot(loaded, row, vector);
    return scores;
  }

  private load(db: Queryable, generation: number): Promise<LoadedVectors> {
    this.loaded ??= new GenerationCache(() => readVectors(db, this.column));
    return this.loaded.get(generation);
  }
}

async function readVectors(db: Queryable, column: InProcessChunkVectors['column']): Promise<LoadedVectors> {
  const selected = column === 'embedding' ? 'embedding' : 'embedding_vector::text AS embedding';
  const result = await db.query<{ id: string; embedding: number[] | string }>(
    `SELECT id, ${selected} FROM knowledge_chunks WHERE ${column} IS NOT NULL ORDER BY id`,
  );
  const embeddings = result.rows.map((row) => (typeof row.embedding === 'string' ? (JSON.parse(row.embedding) as number[]) : row.embedding.map(Number)));
  const dimensions = embeddings[0]?.length ?? 0;
  const matrix = new Float32Array(result.rows.length * dimensions);
  embeddings.forEach((embedding, i) => matrix.set(embedding, i * dimensions));
  return {
    ids: result.rows.map((row) => row.id),
    rowById: new Map(result.rows.map((row, i) => [row.id, i])),
    dimensions,
    matrix,
  };
}

function dot(loaded: LoadedVectors, row: number, vector: number[]): number {
  let sum = 0;
  const offset = row * loaded.dimensions;
  for (let i = 0; i < loaded.dimensions; i++) sum += loaded.matrix[offset + i] * vector[i];
  return sum;
}
