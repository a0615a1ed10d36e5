import { join } from 'node:path';
import { Embedder } from '../embedding/embedder';
import { HashingEmbedder } from '../embedding/hashing.embedder';
import { CountingEmbedder } from '../embedding/testing/counting.embedder';
import { ArticleSink, HelpCenterIngestor } from '../ingest/help-center.ingestor';
import { KnowledgeRetriever } from '../knowledge-retriever';
import { anArticle } from './article.builder';
import { TestDatabase } from './embedded-test.database';
import { PostgresKnowledgeIndex, PostgresKnowledgeIndexOptions, RECOMMENDED_SCORE_THRESHOLD } from '../index/postgres-knowledge.index';

const HELP_CENTER = join(__dirname, 'fixtures/help-center');

/** An index under test, built on the embedder the suite counts calls of, and how to tear it down. */
export interface IndexUnderTest {
  index: KnowledgeRetriever & ArticleSink;
  close(): Promise<void>;
}

/**
 * The behaviour every database behind `PostgresKnowledgeIndex` must show: PGlite with pgvector, and a
 * PostgreSQL server without it (embeddings as `real[]`, scored in process).
 */
export function describeKnowledgeIndexConformance(createDatabase: () => Promise<TestDatabase>, options: PostgresKnowledgeIndexOptions = {}): void {
  describeKnowledgeRetrieverConformance(async (embedder) => {
    const database = await createDatabase();
    return { index: new PostgresKnowledgeIndex(database.db, embedder, options), close: () => database.close() };
  });
}

/**
 * The behaviour every index backend must show (Postgres, Weaviate): the same questions, the same
 * threshold, the same incremental sync, whatever stores the chunks.
 */
export function describeKnowledgeRetrieverConformance(createIndex: (embedder: Embedder) => Promise<IndexUnderTest>): void {
  let underTest: IndexUnderTest;
  let embedder: CountingEmbedder;
  let index: KnowledgeRetriever & ArticleSink;

  beforeAll(async () => {
    embedder = new CountingEmbedder(new HashingEmbedder());
    underTest = await createIndex(embedder);
    index = underTest.index;
    await new HelpCenterIngestor(index).ingest(HELP_CENTER);
  });

  afterAll(() => underTest?.close());

  async function topScore(question: string): Promise<number> {
    const [top] = await index.search(question);
    return top?.score ?? 0;
  }

  it.each([
    ['how long do I have to return something?', 'returns-policy'],
    ['I forgot my password', 'password-reset'],
    ['how much is shipping?', 'shipping-methods'],
    ['do you ship to Canada?', 'shipping-methods'],
    ['how many days until my refund arrives?', 'refund-timelines'],
  ])('answers "%s" from %s first', async (question, articleId) => {
    const [top] = await index.search(question);

    expect(top.articleId).toBe(articleId);
  });

  it.each(['how long do I have to return something?', 'I forgot my password', 'do you ship to Canada?', 'how much is shipping?'])(
    'is confident about the answered question "%s"',
    async (question) => {
      expect(await topScore(question)).toBeGreaterThanOrEqual(RECOMMENDED_SCORE_THRESHOLD);
    },
  );

  it.each(['where is your nearest physical store?', 'do you have a loyalty points programme?', 'can I pay with bitcoin?'])(
    'is not confident about the unanswered question "%s"',
    async (question) => {
      expect(await topScore(question)).toBeLessThan(RECOMMENDED_SCORE_THRESHOLD);
    },
  );

  it('returns passages with their article, section and policies, best first, scores in [0, 1]', async () => {
    const passages = await index.search('return window days', { limit: 3 });

    expect(passages[0]).toMatchObject({
      articleId: 'returns-policy',
      title: 'Returns policy',
      url: 'https://help.example.test/articles/returns-policy',
      section: 'Return window',
      policyIds: ['POL-RETURN-30D'],
      updatedAt: '2026-05-02',
    });
    expect(passages.length).toBeLessThanOrEqual(3);
    expect(passages.every((p) => p.score >= 0 && p.score <= 1)).toBe(true);
    expect(passages.map((p) => p.score)).toEqual([...passages.map((p) => p.score)].sort((a, b) => b - a));
  });

  it('finds the passages that state a policy', async () => {
    const passages = await index.findPolicy('POL-FREE-SHIPPING-50');

    expect(passages.map((p) => [p.articleId, p.section])).toEqual([['shipping-methods', 'Free shipping']]);
  });

  it('finds no passage for a policy nobody states', async () => {
    expect(await index.findPolicy('POL-UNKNOWN')).toEqual([]);
  });

  describe('sync', () => {
    const returns = () =>
      anArticle()
        .withId('returns-policy')
        .withTitle('Returns policy')
        .withPolicies('POL-RETURN-30D')
        .withBody('## Return window\n\nYou have 30 days to return an item (policy POL-RETURN-30D).\n\n## Condition\n\nItems must be unused.');
    const password = () => anArticle().withId('password-reset').withTitle('Resetting your password').withBody('## Forgot your password\n\nUse the reset link.');

    beforeEach(() => index.sync([returns().build(), password().build()]));
    afterAll(() => new HelpCenterIngestor(index).ingest(HELP_CENTER));

    it('re-embeds only the chunk whose text changed', async () => {
      embedder.reset();
      const changed = returns().withBody('## Return window\n\nYou have 60 days to return an item.\n\n## Condition\n\nItems must be unused.').build();

      const summary = await index.sync([changed, password().build()]);

      expect(summary).toEqual({ added: 0, changed: 1, removed: 0, unchanged: 2 });
      expect(embedder.embeddedTexts).toEqual([expect.stringContaining('60 days')]);
    });

    it('embeds nothing when nothing changed', async () => {
      embedder.reset();

      const summary = await index.sync([returns().build(), password().build()]);

      expect(summary).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 3 });
      expect(embedder.embeddedTexts).toEqual([]);
    });

    it('updates a new date without re-embedding', async () => {
      embedder.reset();

      await index.sync([returns().withUpdatedAt('2026-09-01').build(), password().build()]);

      const [passage] = await index.search('return window');
      expect(passage.updatedAt).toBe('2026-09-01');
      expect(embedder.embeddedTexts).toEqual([]);
    });

    it('drops a deleted article from search and policy lookup', async () => {
      const summary = await index.sync([password().build()]);

      expect(summary.removed).toBe(2);
      expect((await index.search('return an item within 30 days')).map((p) => p.articleId)).not.toContain('returns-policy');
      expect(await index.findPolicy('POL-RETURN-30D')).toEqual([]);
    });

    it('finds changed text right after the sync', async () => {
      await index.sync([returns().withBody('## Return window\n\nReturns are accepted for 60 days.').build(), password().build()]);

      const [top] = await index.search('60 days');
      expect(top.text).toContain('60 days');
    });
  });
}
