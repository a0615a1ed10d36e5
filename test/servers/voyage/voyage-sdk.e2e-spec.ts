import { ProviderError } from '@support/platform';
import { createVoyageClient, RetryingEmbedder, RetryingReranker, RetryPolicy, VoyageEmbedder, VoyageReranker } from '@support/knowledge';
import { hashedTextEmbedding } from './hashed-text.embedding';
import { FakeVoyageServer, startFakeVoyage } from './fake-voyage.server';
import { EmbeddingsRequest, RerankRequest } from './voyage-wire.types';

/** The real `voyageai` SDK, through our adapters, against the local Voyage server. */
describe('Voyage adapters on the voyageai SDK', () => {
  let server: FakeVoyageServer;
  const client = () => createVoyageClient({ apiKey: 'pa-test', baseUrl: `${server.url}/v1`, timeoutMs: 5000 });
  const fastRetries = (maxRetries = 3) => new RetryPolicy({ maxRetries, baseDelayMs: 10 });
  const embeddingBodies = () => server.requests.filter((r) => r.path === '/v1/embeddings' && r.status === 200).map((r) => r.body as EmbeddingsRequest);

  beforeAll(async () => {
    server = await startFakeVoyage({ apiKey: 'pa-test', embeddingTokenLimit: 2000 });
  });
  beforeEach(() => server.reset());
  afterAll(() => server.close());

  describe(VoyageEmbedder.name, () => {
    it('asks for voyage-3-large document vectors 512 wide with the bearer key, and returns them in order', async () => {
      const vectors = await new VoyageEmbedder(client()).embed(['refund timelines', 'reset your password'], 'document');

      expect(server.requests[0].headers.authorization).toBe('Bearer pa-test');
      expect(server.requests[0].body).toEqual({
        input: ['refund timelines', 'reset your password'],
        model: 'voyage-3-large',
        input_type: 'document',
        output_dimension: 512,
        truncation: true,
      });
      expect(vectors[1]).toHaveLength(512);
      expect(vectors[1][0]).toBeCloseTo(hashedTextEmbedding('reset your password', 512)[0], 5);
    });

    it('marks questions as queries', async () => {
      await new VoyageEmbedder(client()).embed(['when do I get my money back?'], 'query');

      expect(embeddingBodies()[0].input_type).toBe('query');
    });

    it('splits many texts into requests of at most the batch size', async () => {
      const texts = Array.from({ length: 300 }, (_, i) => `article ${i}`);

      const vectors = await new VoyageEmbedder(client()).embed(texts, 'document');

      expect(embeddingBodies().map((body) => body.input.length)).toEqual([128, 128, 44]);
      expect(vectors).toHaveLength(300);
      expect(vectors[299][0]).toBeCloseTo(hashedTextEmbedding('article 299', 512)[0], 5);
    });

    it('splits long texts so no request passes the token limit', async () => {
      const texts = Array.from({ length: 6 }, (_, i) => `${i} ${'word '.repeat(240)}`);

      await new VoyageEmbedder(client(), { maxBatchTokens: 1000 }).embed(texts, 'document');

      expect(embeddingBodies().map((body) => body.input.length)).toEqual([2, 2, 2]);
      expect(server.requests.every((r) => r.status === 200)).toBe(true);
    });

    it('turns a refused request into a provider error that is not retried', async () => {
      const embedder = new RetryingEmbedder(new VoyageEmbedder(client(), { model: 'voyage-9' }), fastRetries());

      const failure = embedder.embed(['x'], 'document');

      await expect(failure).rejects.toBeInstanceOf(ProviderError);
      await expect(failure).rejects.toMatchObject({ retryable: false, message: expect.stringContaining('HTTP 400: Model voyage-9 is not supported') });
      expect(server.requests).toHaveLength(1);
    });

    it('refuses a wrong key without retrying', async () => {
      const embedder = new RetryingEmbedder(new VoyageEmbedder(createVoyageClient({ apiKey: 'pa-wrong', baseUrl: `${server.url}/v1` })), fastRetries());

      await expect(embedder.embed(['x'], 'document')).rejects.toMatchObject({ retryable: false, status: 401 });
      expect(server.requests).toHaveLength(1);
    });
  });

  describe(RetryingEmbedder.name, () => {
    it('waits out a 429 for as long as Retry-After says, then gets the vectors', async () => {
      server.fail({ status: 429, retryAfterSeconds: 1 });
      const started = Date.now();

      const vectors = await new RetryingEmbedder(new VoyageEmbedder(client()), fastRetries()).embed(['shipping to Canada'], 'document');

      expect(vectors).toHaveLength(1);
      expect(server.requests.map((r) => r.status)).toEqual([429, 200]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    });

    it('retries server errors with backoff', async () => {
      server.fail({ status: 500 }, { status: 503 });

      await new RetryingEmbedder(new VoyageEmbedder(client()), fastRetries()).embed(['x'], 'document');

      expect(server.requests.map((r) => r.status)).toEqual([500, 503, 200]);
    });

    it('gives up after its retries with a retryable provider error', async () => {
      server.fail({ status: 502 }, { status: 502 }, { status: 502 });

      await expect(new RetryingEmbedder(new VoyageEmbedder(client()), fastRetries(2)).embed(['x'], 'document')).rejects.toMatchObject({
        retryable: true,
        status: 502,
      });
      expect(server.requests).toHaveLength(3);
    });
  });

  describe(VoyageReranker.name, () => {
    const documents = ['Our stores open at nine.', 'Refunds reach your card in 5 days.', 'Return an item within 30 days for a refund to your card.'];

    it('orders documents by relevance to the question, best first, cut to top k', async () => {
      const results = await new VoyageReranker(client()).rerank('refund to my card after I return an item', documents, 2);

      expect(results.map((r) => r.index)).toEqual([2, 1]);
      expect(results[0].score).toBeGreaterThan(results[1].score);
      expect(server.requests[0].body).toEqual({
        query: 'refund to my card after I return an item',
        documents,
        model: 'rerank-2.5',
        top_k: 2,
        return_documents: false,
        truncation: true,
      } satisfies RerankRequest);
    });

    it('is retried on 429 by its retrying wrapper', async () => {
      server.fail({ status: 429, route: 'rerank', retryAfterSeconds: 0 });

      const results = await new RetryingReranker(new VoyageReranker(client()), fastRetries()).rerank('refund', documents, 3);

      expect(results).toHaveLength(3);
      expect(server.requests.map((r) => r.status)).toEqual([429, 200]);
    });
  });

  it('adds /v1 to a base URL given as a bare host', async () => {
    await new VoyageEmbedder(createVoyageClient({ apiKey: 'pa-test', baseUrl: server.url })).embed(['x'], 'document');

    expect(server.requests[0].path).toBe('/v1/embeddings');
  });
});
