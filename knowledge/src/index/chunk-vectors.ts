import { Queryable } from '@support/platform';

/** Cosine similarity by chunk id. */
export type Similarities = Map<string, number>;

/** Where chunk embeddings live and how the nearest ones are found: pgvector, or `real[]` scored in process. */
export interface ChunkVectors {
  /** The `knowledge_chunks` column the embedding is written to. */
  readonly column: 'embedding_vector' | 'embedding';
  /** The embedding as a query parameter for `column`. */
  toParameter(vector: number[]): unknown;
  nearest(db: Queryable, vector: number[], limit: number, generation: number): Promise<Similarities>;
  /**
   * SQL for the similarity to the query vector passed as parameter `$n`, when the database computes it
   * (pgvector) so the row fetch brings it along; undefined when `similarities` must be asked.
   */
  similaritySql(parameter: number, generation: number): string | undefined;
  /** Similarity of the given chunks, for candidates found by full text only. */
  similarities(db: Queryable, vector: number[], ids: string[], generation: number): Promise<Similarities>;
}
