import Anthropic from '@anthropic-ai/sdk';
import { type FakeAnthropic, FakeAnthropicServer, startFakeAnthropic } from './fake-anthropic.server';

const MODEL = 'claude-sonnet-4-6';
const MINUTE_MS = 60_000;
/** About 1,500 tokens at four characters per token: above the 1,024-token minimum. */
const POLICY = 'Refunds are issued to the original payment method within five business days. '.repeat(80);

describe(`${FakeAnthropicServer.name} prompt caching`, () => {
  let server: FakeAnthropic;
  let client: Anthropic;
  let nowMs = 0;

  beforeAll(async () => {
    server = await startFakeAnthropic({ now: () => nowMs });
    client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  const withCachedPolicy = (question: string, ttl?: '5m' | '1h') => ({
    model: MODEL,
    max_tokens: 256,
    system: [{ type: 'text' as const, text: POLICY, cache_control: { type: 'ephemeral' as const, ...(ttl && { ttl }) } }],
    messages: [{ role: 'user' as const, content: question }],
  });

  it('writes a long marked system prompt to the cache on first use', async () => {
    const { usage } = await client.messages.create(withCachedPolicy('Can I get a refund?'));

    expect(usage.cache_creation_input_tokens).toBeGreaterThan(1024);
    expect(usage.cache_read_input_tokens).toBe(0);
    expect(usage.cache_creation).toEqual({ ephemeral_5m_input_tokens: usage.cache_creation_input_tokens, ephemeral_1h_input_tokens: 0 });
  });

  it('reads the cached system prompt on the next identical request', async () => {
    const first = await client.messages.create(withCachedPolicy('Can I get a refund?'));

    const second = await client.messages.create(withCachedPolicy('Can I get a refund?'));

    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(second.usage.cache_creation_input_tokens).toBe(0);
    expect(second.usage.input_tokens).toBe(first.usage.input_tokens);
  });

  it('keeps only the uncached question as plain input', async () => {
    const { usage } = await client.messages.create(withCachedPolicy('Can I get a refund?'));

    expect(usage.input_tokens).toBe(Math.ceil('Can I get a refund?'.length / 4));
  });

  it('forgets the cache after five minutes without use', async () => {
    const first = await client.messages.create(withCachedPolicy('Can I get a refund?'));
    nowMs += 6 * MINUTE_MS;

    const later = await client.messages.create(withCachedPolicy('Can I get a refund?'));

    expect(later.usage.cache_read_input_tokens).toBe(0);
    expect(later.usage.cache_creation_input_tokens).toBe(first.usage.cache_creation_input_tokens);
  });

  it('keeps a one-hour entry past five minutes and bills its write as one-hour', async () => {
    const first = await client.messages.create(withCachedPolicy('Can I get a refund?', '1h'));
    nowMs += 30 * MINUTE_MS;

    const later = await client.messages.create(withCachedPolicy('Can I get a refund?', '1h'));

    expect(first.usage.cache_creation?.ephemeral_1h_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(later.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
  });

  it('does not cache a prompt shorter than the minimum', async () => {
    const short = { ...withCachedPolicy('Hi'), system: [{ type: 'text' as const, text: 'Be brief.', cache_control: { type: 'ephemeral' as const } }] };
    await client.messages.create(short);

    const { usage } = await client.messages.create(short);

    expect(usage).toMatchObject({ cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
  });

  it('reuses the earlier conversation when the breakpoint moves to the newest turn', async () => {
    const firstTurn = [{ role: 'user' as const, content: [{ type: 'text' as const, text: POLICY, cache_control: { type: 'ephemeral' as const } }] }];
    const first = await client.messages.create({ model: MODEL, max_tokens: 256, messages: firstTurn });

    const second = await client.messages.create({
      model: MODEL,
      max_tokens: 256,
      messages: [
        { role: 'user', content: [{ type: 'text', text: POLICY }] },
        { role: 'assistant', content: 'Noted.' },
        { role: 'user', content: [{ type: 'text', text: 'So can I get a refund?', cache_control: { type: 'ephemeral' } }] },
      ],
    });

    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(second.usage.cache_creation_input_tokens).toBeGreaterThan(0);
  });

  it('caches the whole prompt when the request sets the top-level cache_control', async () => {
    const request = { model: MODEL, max_tokens: 256, cache_control: { type: 'ephemeral' as const }, messages: [{ role: 'user' as const, content: POLICY }] };
    const first = await client.messages.create(request);

    const second = await client.messages.create(request);

    expect(first.usage.input_tokens).toBe(0);
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
  });
});
