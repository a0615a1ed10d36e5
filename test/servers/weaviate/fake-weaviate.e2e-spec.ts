import weaviate, { ApiKey, FusionType, type WeaviateClient } from 'weaviate-ts-client';
import { FakeWeaviateServer, startFakeWeaviate } from './fake-weaviate.server';

const API_KEY = 'fake-key';
const ids = {
  refund: '00000000-0000-0000-0000-000000000001',
  shipping: '00000000-0000-0000-0000-000000000002',
  password: '00000000-0000-0000-0000-000000000003',
};

describe(FakeWeaviateServer.name, () => {
  let server: FakeWeaviateServer;
  let client: WeaviateClient;

  beforeEach(async () => {
    server = await startFakeWeaviate({ apiKey: API_KEY });
    client = weaviate.client({ host: server.url, apiKey: new ApiKey(API_KEY) });
    await client.schema
      .classCreator()
      .withClass({
        class: 'Doc',
        vectorizer: 'none',
        properties: [
          { name: 'title', dataType: ['text'] },
          { name: 'body', dataType: ['text'] },
          { name: 'tags', dataType: ['text[]'], tokenization: 'field', indexSearchable: false },
          { name: 'rank', dataType: ['int'] },
        ],
      })
      .do();
    await client.batch
      .objectsBatcher()
      .withObjects(
        {
          class: 'Doc',
          id: ids.refund,
          properties: { title: 'Refunds', body: 'Refunds take five business days.', tags: ['money'], rank: 1 },
          vector: [1, 0, 0],
        },
        {
          class: 'Doc',
          id: ids.shipping,
          properties: { title: 'Shipping', body: 'Shipping to Canada takes a week.', tags: ['delivery'], rank: 2 },
          vector: [0, 1, 0],
        },
        {
          class: 'Doc',
          id: ids.password,
          properties: { title: 'Password', body: 'Reset your password by email.', tags: ['account', 'money'], rank: 3 },
          vector: [0, 0, 1],
        },
      )
      .do();
  });
  afterEach(() => server.close());

  async function get(build: (q: ReturnType<WeaviateClient['graphql']['get']>) => unknown, fields = 'title _additional { id score distance }') {
    const query = client.graphql.get().withClassName('Doc').withFields(fields);
    build(query);
    const response = await query.do();
    return response.data.Get.Doc as { title: string; _additional: { id: string; score: string | null; distance: number | null } }[];
  }

  it('answers the meta and readiness checks the client makes', async () => {
    expect(await client.misc.readyChecker().do()).toBe(true);
    expect(await client.misc.metaGetter().do()).toMatchObject({ version: '1.25.0' });
  });

  it('ranks by BM25 and returns the score as a string', async () => {
    const hits = await get((q) => q.withBm25({ query: 'canada shipping' }));

    expect(hits.map((h) => h.title)).toEqual(['Shipping']);
    expect(typeof hits[0]._additional.score).toBe('string');
  });

  it('ranks by cosine distance for nearVector', async () => {
    const hits = await get((q) => q.withNearVector({ vector: [0.9, 0.1, 0] }));

    expect(hits.map((h) => h.title)).toEqual(['Refunds', 'Shipping', 'Password']);
    expect(hits[0]._additional.distance).toBeCloseTo(1 - 0.9 / Math.hypot(0.9, 0.1), 6);
  });

  it('fuses keyword and vector results by alpha in a hybrid search', async () => {
    const keywordOnly = await get((q) => q.withHybrid({ query: 'password', vector: [1, 0, 0], alpha: 0, fusionType: FusionType.relativeScoreFusion }));
    const vectorOnly = await get((q) => q.withHybrid({ query: 'password', vector: [1, 0, 0], alpha: 1, fusionType: FusionType.relativeScoreFusion }));

    expect(keywordOnly[0].title).toBe('Password');
    expect(vectorOnly[0].title).toBe('Refunds');
    expect(Number(vectorOnly[0]._additional.score)).toBe(1);
  });

  it('filters with where, including ContainsAny on a text[] property and number comparisons', async () => {
    const tagged = await get((q) => q.withWhere({ path: ['tags'], operator: 'ContainsAny', valueTextArray: ['money'] }));
    const ranked = await get((q) =>
      q.withWhere({
        operator: 'And',
        operands: [
          { path: ['rank'], operator: 'GreaterThan', valueInt: 1 },
          { path: ['title'], operator: 'Equal', valueText: 'password' },
        ],
      }),
    );

    expect(tagged.map((h) => h.title).sort()).toEqual(['Password', 'Refunds']);
    expect(ranked.map((h) => h.title)).toEqual(['Password']);
  });

  it('pages through a class with the after cursor', async () => {
    const first = await get((q) => q.withLimit(2));
    const rest = await get((q) => q.withLimit(2).withAfter(first[1]._additional.id));

    expect([...first, ...rest].map((h) => h._additional.id)).toEqual([ids.refund, ids.shipping, ids.password]);
  });

  it('answers 200 with a per-object failure for a vector of the wrong size or an undeclared property', async () => {
    const results = await client.batch
      .objectsBatcher()
      .withObjects(
        { class: 'Doc', id: '00000000-0000-0000-0000-000000000009', properties: { title: 'x' }, vector: [1, 0] },
        { class: 'Doc', id: '00000000-0000-0000-0000-00000000000a', properties: { colour: 'red' }, vector: [1, 0, 0] },
      )
      .do();

    expect(results.map((r) => r.result?.errors?.error?.[0]?.message)).toEqual([
      expect.stringContaining('vector with length 2'),
      expect.stringContaining("no such prop with name 'colour'"),
    ]);
  });

  it('deletes objects matching a filter and counts them', async () => {
    const response = await client.batch
      .objectsBatchDeleter()
      .withClassName('Doc')
      .withWhere({ path: ['tags'], operator: 'ContainsAny', valueTextArray: ['money'] })
      .do();

    expect(response.results).toMatchObject({ matches: 2, successful: 2, failed: 0 });
    expect(server.objectsOf('Doc').map((o) => o.properties.title)).toEqual(['Shipping']);
  });

  it('makes the client reject a GraphQL error (sent with HTTP 200)', async () => {
    const failure = await client.graphql
      .get()
      .withClassName('Nope')
      .withFields('title')
      .do()
      .catch((error: Error) => error);

    expect(String(failure)).toContain('Cannot query field \\"Nope\\"');
    expect(server.requests.at(-1)).toMatchObject({ path: '/v1/graphql', graphql: expect.stringContaining('Nope') });
  });

  it('refuses a filter on a property that is not filterable, as Weaviate does', async () => {
    await client.schema
      .propertyCreator()
      .withClassName('Doc')
      .withProperty({ name: 'note', dataType: ['text'], indexFilterable: false })
      .do();

    const failure = await get((q) => q.withWhere({ path: ['note'], operator: 'Equal', valueText: 'x' })).catch((error: Error) => error);

    expect(String(failure)).toContain('requires inverted index');
  });

  it('refuses requests without the API key', async () => {
    const anonymous = weaviate.client({ host: server.url });

    await expect(anonymous.schema.getter().do()).rejects.toThrow(/usage error \(401\)/);
  });
});
