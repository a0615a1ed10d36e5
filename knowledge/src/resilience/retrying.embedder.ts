import { Embedder, EmbeddingKind } from '../embedding/embedder';
import { RetryPolicy } from './retry.policy';

/** An embedder that retries its inner embedder's retryable failures; adapters themselves never retry. */
export class RetryingEmbedder extends Embedder {
  readonly name: string;
  readonly dimensions: number;

  constructor(
    private readonly inner: Embedder,
    private readonly policy: RetryPolicy,
  ) {
    super();
    this.name = inner.name;
    this.dimensions = inner.dimensions;
  }

  embed(texts: string[], kind: EmbeddingKind): Promise<number[][]> {
    return this.policy.run(() => this.inner.embed(texts, kind));
  }
}
