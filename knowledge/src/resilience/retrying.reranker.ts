import { Reranker, RerankResult } from '../reranking/reranker';
import { RetryPolicy } from './retry.policy';

/** A reranker that retries its inner reranker's retryable failures. */
export class RetryingReranker extends Reranker {
  readonly name: string;

  constructor(
    private readonly inner: Reranker,
    private readonly policy: RetryPolicy,
  ) {
    super();
    this.name = inner.name;
  }

  rerank(query: string, documents: string[], topK: number): Promise<RerankResult[]> {
    return this.policy.run(() => this.inner.rerank(query, documents, topK));
  }
}
