import { join } from 'node:path';
import { createKnowledgeBackend, HashingEmbedder, KnowledgeBackend, knowledgeMigrations, RetryPolicy } from '@support/knowledge';
import { migrate, PgliteDatabase, ProviderError } from '@support/platform';
import { FakeVoyageServer, startFakeVoyage } from '../servers/voyage';
import type { EmbeddingsRequest } from '../servers/voyage';

const HELP_CENTER = join(__dirname, '../../knowledge/src/testing/fixtures/help-center');

/** The knowledge backend the product builds from config, with Voyage embeddings and reranking on the local Voyage server. */
describe('knowledge backend on Voyage', () => {
  let server: FakeVoyageServer;
  let db: PgliteDatabase;
  let backend: KnowledgeBackend;
  const fallbacks: ProviderError[] = [];
  const embedded = (inputType: string) =>
    server.requests
      .filter((r) => r.path === '/v1/embeddings' && r.status === 200 && (r.body as EmbeddingsRequest).input_type === inputType)
      .flatMap((r) => (r.body as EmbeddingsRequest).input as string[]);

  beforeAll(async () => {
    server = await startFakeVoyage({ apiKey: 'pa-test' });
    db = new PgliteDatabase();
    await migrate(db, knowledgeMigrations);
    backend = createKnowledgeBackend(
      db,
      { providers: { voyage: { apiKey: 'pa-test', baseUrl: server.url } } },
      {
        retryPolicy: new RetryPolicy({ maxRetries: 2, baseDelayMs: 10 }),
        onRerankFallback: (error) => fallbacks.push(error),
      },
    );
    await backend.ingestor.ingest(HELP_CENTER);
  }, 30_000);
  afterAll(async () => {
    await db.close();
    await server.close();
  });
  beforeEach(() => server.reset());

  it('says which adapters it chose', () => {
    expect(backend.description).toBe('postgres index, voyage-voyage-3-large-512 embeddings, voyage-rerank-2.5 reranking');
  });

  it('answers from the help center with hybrid candidates reranked by Voyage', async () => {
    const passages = await backend.retriever.search('how many days do I have to return an item?', { limit: 3 });

    expect(passages[0].articleId).toBe('returns-policy');
    expect(passages.length).toBeLessThanOrEqual(3);
    expect(embedded('query')).toEqual(['how many days do I have to return an item?']);
    const rerank = server.requests.find((r) => r.path === '/v1/rerank');
    expect(rerank?.body).toMatchObject({ model: 'rerank-2.5', top_k: 3 });
  });

  it('re-embeds only the changed chunk when an article changes', async () => {
    await backend.index.sync([
      { id: 'returns-policy', title: 'Returns policy', policyIds: [], body: '## Return window\n\nYou have 60 days to return an item.' },
    ]);
    server.reset();
    await backend.index.sync([
      { id: 'returns-policy', title: 'Returns policy', policyIds: [], body: '## Return window\n\nYou have 90 days to return an item.' },
    ]);

    expect(embedded('document')).toEqual([expect.stringContaining('90 days')]);
    await backend.ingestor.ingest(HELP_CENTER);
  });

  it('keeps answering in first-stage order when rerank keeps failing', async () => {
    server.fail({ status: 503, route: 'rerank' }, { status: 503, route: 'rerank' }, { status: 503, route: 'rerank' });

    const passages = await backend.retriever.search('I forgot my password');

    expect(passages[0].articleId).toBe('password-reset');
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0].retryable).toBe(true);
  });

  it('uses the embedded hashing embedder and no reranker without a key', () => {
    const embedded = createKnowledgeBackend(db, { providers: { voyage: {} } });

    expect(embedded.embedder).toBeInstanceOf(HashingEmbedder);
    expect(embedded.reranker).toBeUndefined();
    expect(embedded.retriever).toBe(embedded.index);
  });
});
