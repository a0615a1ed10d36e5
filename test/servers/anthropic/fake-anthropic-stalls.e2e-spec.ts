import Anthropic from '@anthropic-ai/sdk';
import { type FakeAnthropic, FakeAnthropicServer, startFakeAnthropic } from './fake-anthropic.server';

const ANSWER = 'Your parcel left our warehouse this morning and should arrive on Thursday.';

describe(`${FakeAnthropicServer.name} stalls and drips`, () => {
  let server: FakeAnthropic;
  let client: Anthropic;

  beforeAll(async () => {
    server = await startFakeAnthropic();
    client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
  });
  afterAll(() => server.close());

  const stream = () => client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 256, messages: [{ role: 'user', content: 'Where is my parcel?' }] });

  it('stops a stream after the scripted number of events and keeps the connection open', async () => {
    server.script({ reply: ANSWER, stallAfterEvents: 4 });
    const deltas: string[] = [];
    const answer = stream().on('text', (delta) => deltas.push(delta));
    const outcome = await Promise.race([answer.finalMessage().then(() => 'finished'), new Promise((resolve) => setTimeout(resolve, 400, 'still open'))]);

    expect(outcome).toBe('still open');
    expect(deltas).toEqual(['Your parcel left ']);
    answer.abort();
  });

  it('drips each delta out after the scripted pause, so the whole answer takes that long per delta', async () => {
    server.script({ reply: ANSWER, dripMs: 60 });
    const arrivals: number[] = [];
    const started = Date.now();

    const text = await stream()
      .on('text', () => arrivals.push(Date.now() - started))
      .finalText();

    expect(text).toBe(ANSWER);
    expect(arrivals).toHaveLength(4);
    expect(arrivals.at(-1)!).toBeGreaterThanOrEqual(4 * 60 - 10);
  });
});
