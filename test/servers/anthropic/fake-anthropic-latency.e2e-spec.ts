import Anthropic from '@anthropic-ai/sdk';
import { type FakeAnthropic, FakeAnthropicServer, startFakeAnthropic } from './fake-anthropic.server';

const ANSWER = 'Your parcel left our warehouse this morning and should arrive on Thursday.';

describe(`${FakeAnthropicServer.name} latency model`, () => {
  let server: FakeAnthropic;
  let client: Anthropic;

  beforeAll(async () => {
    server = await startFakeAnthropic({ latency: { firstTokenMs: 150, tokensPerSecond: 100 } });
    client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
  });
  afterAll(() => server.close());

  const streamAnswer = () => {
    server.script({ reply: ANSWER });
    return client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 256, messages: [{ role: 'user', content: 'Where is my parcel?' }] });
  };

  it('holds the first token back for the configured time', async () => {
    const startedAt = Date.now();
    const firstText = new Promise<number>((resolve) => streamAnswer().once('text', () => resolve(Date.now() - startedAt)));

    expect(await firstText).toBeGreaterThanOrEqual(140);
  });

  it('paces the rest of the answer at the configured token rate', async () => {
    const startedAt = Date.now();

    await streamAnswer().finalMessage();

    // 150 ms to the first token, then ~19 tokens at 100 tokens per second.
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(150 + 170);
  });
});
