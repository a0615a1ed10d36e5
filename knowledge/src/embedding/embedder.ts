/** Whether a text is stored in the index or asked by a customer; some models embed the two differently. */
export type EmbeddingKind = 'document' | 'query';

/**
 * Turns texts into vectors whose cosine similarity says how close their meanings are.
 * Adapters: the embedded hashing embedder (no download, no key) and hosted models later.
 */
export abstract class Embedder {
  /** Stable name stored beside each vector, so a change of model re-embeds everything. */
  abstract readonly name: string;
  abstract readonly dimensions: number;
  /** One L2-normalised vector per text, in order. */
  abstract embed(texts: string[], kind: EmbeddingKind): Promise<number[][]>;
}
