import { join } from 'node:path';
import weaviate from 'weaviate-ts-client';
import { ProviderError } from '@support/platform';
import { FakeWeaviateServer, startFakeWeaviate } from '../../../test/servers/weaviate';
import { HashingEmbedder } from '../embedding/hashing.embedder';
import { RECOMMENDED_SCORE_THRESHOLD } from '../index/postgres-knowledge.index';
import { HelpCenterIngestor } from '../ingest/help-center.ingestor';
import { describeKnowledgeRetrieverConformance } from '../testing/knowledge-index.conformance';
import { CHUNK_PROPERTIES } from './help-center-chunk.schema';
import { WeaviateKnowledgeIndex, WeaviateKnowledgeIndexOptions } from './weaviate-knowledge.index';

const HELP_CENTER = join(__dirname, '../testing/fixtures/help-center');
const API_KEY = 'test-weaviate-key';

describe(WeaviateKnowledgeIndex.name, () => {
  describe('conformance, on the Weaviate fake through weaviate-ts-client', () => {
    describeKnowledgeRetrieverConformance(async (embedder) => {
      const server = await startFakeWeaviate({ apiKey: API_KEY });
      const index = new WeaviateKnowledgeIndex(embedder, { url: server.url, apiKey: API_KEY });
      return { index, close: () => server.close() };
    });
  });

  describe('on Weaviate', () => {
    let server: FakeWeaviateServer;

    beforeEach(async () => {
      server = await startFakeWeaviate({ apiKey: API_KEY });
    });
    afterEach(() => server.close());

    function anIndex(options: Partial<WeaviateKnowledgeIndexOptions> = {}, embedder = new HashingEmbedder()): WeaviateKnowledgeIndex {
      return new WeaviateKnowledgeIndex(embedder, { url: server.url, apiKey: API_KEY, ...options });
    }

    async function ingested(options: Partial<WeaviateKnowledgeIndexOptions> = {}): Promise<WeaviateKnowledgeIndex> {
      const index = anIndex(options);
      await new HelpCenterIngestor(index).ingest(HELP_CENTER);
      return index;
    }

    it('creates its class with its own vectors, cosine distance and every chunk property', async () => {
      expect(await anIndex().migrateSchema()).toEqual({ created: true, addedProperties: [] });

      const schema = server.schemaOf('HelpCenterChunk')!;
      expect(schema).toMatchObject({ vectorizer: 'none', vectorIndexConfig: { distance: 'cosine' } });
      expect(schema.properties.map((p) => p.name)).toEqual(CHUNK_PROPERTIES.map((p) => p.name));
    });

    it('adds the properties an older class lacks and keeps its objects', async () => {
      const client = weaviate.client({ host: server.url, apiKey: new weaviate.ApiKey(API_KEY) });
      await client.schema
        .classCreator()
        .withClass({
          class: 'OldChunks',
          vectorizer: 'none',
          properties: [
            { name: 'title', dataType: ['text'] },
            { name: 'text', dataType: ['text'] },
          ],
        })
        .do();
      await client.batch
        .objectsBatcher()
        .withObject({ class: 'OldChunks', id: '00000000-0000-0000-0000-000000000001', properties: { title: 'kept' } })
        .do();

      const migration = await anIndex({ className: 'OldChunks' }).migrateSchema();

      expect(migration.created).toBe(false);
      expect(migration.addedProperties).toEqual(CHUNK_PROPERTIES.map((p) => p.name).filter((name) => name !== 'title' && name !== 'text'));
      expect(server.objectsOf('OldChunks')).toHaveLength(1);
      expect(await anIndex({ className: 'OldChunks' }).migrateSchema()).toEqual({ created: false, addedProperties: [] });
    });

    it('stores chunks under the configured class name', async () => {
      await ingested({ className: 'AcmeHelp' });

      expect(server.objectsOf('AcmeHelp').map((o) => o.properties.chunkId)).toContain('returns-policy#return-window');
      expect(server.schemaOf('HelpCenterChunk')).toBeUndefined();
    });

    it('sends the API key as a bearer token on every request', async () => {
      const index = await ingested();
      await index.search('return window');

      expect(server.requests.length).toBeGreaterThan(3);
      expect(server.requests.every((r) => r.headers.authorization === `Bearer ${API_KEY}`)).toBe(true);
    });

    it('fails with a typed, non-retryable error when the API key is wrong', async () => {
      const index = anIndex({ apiKey: 'wrong' });

      const failure = await index.search('return window').catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(ProviderError);
      expect(failure).toMatchObject({ provider: 'weaviate', retryable: false });
      expect((failure as Error).message).toContain('401');
    });

    it('asks Weaviate for a hybrid search with the configured alpha and the query vector', async () => {
      const index = await ingested({ alpha: 0.3 });
      server.requests.length = 0;

      await index.search('return window');

      const [query] = server.requests.filter((r) => r.graphql).map((r) => r.graphql!);
      expect(query).toContain('hybrid:{query:"return window",alpha:0.3,vector:[');
      expect(query).toContain('fusionType:relativeScoreFusion');
      expect(query).toContain('_additional { id score vector }');
    });

    it.each([0, 0.5, 1])('keeps answered questions above and unanswered ones under the threshold at alpha %s', async (alpha) => {
      const index = await ingested({ alpha });

      const [answered] = await index.search('do you ship to Canada?');
      const [unanswered] = await index.search('can I pay with bitcoin?');

      expect(answered.articleId).toBe('shipping-methods');
      expect(answered.score).toBeGreaterThanOrEqual(RECOMMENDED_SCORE_THRESHOLD);
      expect(unanswered?.score ?? 0).toBeLessThan(RECOMMENDED_SCORE_THRESHOLD);
    });

    it('searches only the chunks stating a policy when filtered by policy', async () => {
      const index = await ingested();

      const passages = await index.search('how long do I have?', { filter: { policyIds: ['POL-REFUND-5D'] } });

      expect(passages.length).toBeGreaterThan(0);
      expect(passages.every((p) => p.policyIds.includes('POL-REFUND-5D'))).toBe(true);
    });

    it('searches only the given articles when filtered by article', async () => {
      const index = await ingested();

      const passages = await index.search('shipping and returns', { filter: { articleIds: ['password-reset'] }, limit: 10 });

      expect(new Set(passages.map((p) => p.articleId))).toEqual(new Set(['password-reset']));
      expect(await index.search('shipping', { filter: { articleIds: [] } })).toEqual([]);
    });

    it('writes nothing to Weaviate when nothing changed', async () => {
      const index = await ingested();
      server.requests.length = 0;

      await new HelpCenterIngestor(index).ingest(HELP_CENTER);

      expect(server.requests.filter((r) => r.path.startsWith('/v1/batch/'))).toEqual([]);
    });

    it('reports objects Weaviate refused, such as vectors of another size, instead of losing them silently', async () => {
      await ingested();
      const smaller = anIndex({}, new HashingEmbedder({ dimensions: 64 }));

      const failure = await new HelpCenterIngestor(smaller).ingest(HELP_CENTER).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(ProviderError);
      expect((failure as Error).message).toMatch(/objects failed, first: new node has a vector with length 64/);
    });

    it('fails with a retryable error when Weaviate is unavailable, without repeating the question in the message', async () => {
      const index = await ingested();
      server.failNext('POST', '/v1/graphql', 503);

      const failure = await index.search('my secret order question').catch((error: unknown) => error);

      expect(failure).toMatchObject({ provider: 'weaviate', retryable: true });
      expect((failure as Error).message).not.toContain('secret');
    });
  });
});
