import { Embedder, EmbeddingKind } from '../embedder';

/** Wraps an embedder and remembers every text it was asked to embed, so tests can see what was re-embedded. */
export class CountingEmbedder extends Embedder {
  readonly embeddedTexts: string[] = [];
  readonly name: string;
  readonly dimensions: number;

  constructor(private readonly inner: Embedder) {
    super();
    this.name = inner.name;
    this.dimensions = inner.dimensions;
  }

  embed(texts: string[], kind: EmbeddingKind): Promise<number[][]> {
    if (kind === 'document') this.embeddedTexts.push(...texts);
    return this.inner.embed(texts, kind);
  }

  reset(): void {
    this.embeddedTexts.length = 0;
  }
}
