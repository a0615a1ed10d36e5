import { ProviderError } from '@support/platform';
import { KnowledgeRetriever, Passage, SearchOptions } from '../knowledge-retriever';
import { RerankingRetriever } from './reranking.retriever';
import { ScriptedReranker } from './testing/scripted.reranker';

const passage = (id: string, text: string, score: number): Passage => ({ id, articleId: id, title: id, section: '', text, policyIds: [], score });

class FixedRetriever extends KnowledgeRetriever {
  readonly limits: number[] = [];
  constructor(private readonly passages: Passage[]) {
    super();
  }
  async search(_query: string, options: SearchOptions = {}): Promise<Passage[]> {
    this.limits.push(options.limit ?? 5);
    return this.passages.slice(0, options.limit ?? 5);
  }
  async findPolicy(policyId: string): Promise<Passage[]> {
    return this.passages.filter((p) => p.policyIds.includes(policyId));
  }
}

describe(RerankingRetriever.name, () => {
  const firstStage = () =>
    new FixedRetriever([
      passage('shipping', 'Shipping costs 5 dollars.', 0.7),
      passage('refunds', 'Refunds take 5 days.', 0.6),
      passage('stores', 'Stores open at nine.', 0.5),
    ]);
  const prefersRefunds = () => new ScriptedReranker((_q, document) => (document.includes('Refunds') ? 0.9 : document.includes('Shipping') ? 0.3 : 0.1));

  it('puts the passage the reranker prefers first, with the reranker score', async () => {
    const retriever = new RerankingRetriever(firstStage(), prefersRefunds());

    const passages = await retriever.search('when do I get my refund?', { limit: 2 });

    expect(passages.map((p) => [p.id, p.score])).toEqual([
      ['refunds', 0.9],
      ['shipping', 0.3],
    ]);
  });

  it('reranks a wider candidate list than it returns', async () => {
    const first = firstStage();
    const reranker = prefersRefunds();

    await new RerankingRetriever(first, reranker, { candidates: 20 }).search('refund', { limit: 2 });

    expect(first.limits).toEqual([20]);
    expect(reranker.calls[0]).toMatchObject({ topK: 2, documents: [expect.stringContaining('Shipping costs'), expect.any(String), expect.any(String)] });
  });

  it('keeps the first-stage order when the reranker is unavailable, and says so', async () => {
    const reranker = prefersRefunds();
    reranker.failure = new ProviderError('voyage', 'HTTP 503', true);
    const fallbacks: ProviderError[] = [];

    const passages = await new RerankingRetriever(firstStage(), reranker, { onFallback: (e) => fallbacks.push(e) }).search('refund', { limit: 2 });

    expect(passages.map((p) => [p.id, p.score])).toEqual([
      ['shipping', 0.7],
      ['refunds', 0.6],
    ]);
    expect(fallbacks).toHaveLength(1);
  });

  it('does not hide a programming error behind the fallback', async () => {
    const reranker = prefersRefunds();
    reranker.failure = new TypeError('boom');

    await expect(new RerankingRetriever(firstStage(), reranker).search('refund')).rejects.toThrow('boom');
  });
});
