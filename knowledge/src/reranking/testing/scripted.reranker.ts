import { Reranker, RerankResult } from '../reranker';

/** A reranker for tests: scores each document with `score`, or fails with `failure` when set. */
export class ScriptedReranker extends Reranker {
  readonly name = 'scripted';
  readonly calls: Array<{ query: string; documents: string[]; topK: number }> = [];
  failure?: Error;

  constructor(private readonly score: (query: string, document: string) => number) {
    super();
  }

  async rerank(query: string, documents: string[], topK: number): Promise<RerankResult[]> {
    this.calls.push({ query, documents, topK });
    if (this.failure) throw this.failure;
    return documents
      .map((document, index) => ({ index, score: this.score(query, document) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, topK);
  }
}
