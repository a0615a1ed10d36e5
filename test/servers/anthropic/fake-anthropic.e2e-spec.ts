import Anthropic, { RateLimitError } from '@anthropic-ai/sdk';
import { type FakeAnthropic, FakeAnthropicServer, startFakeAnthropic } from './fake-anthropic.server';

const MODEL = 'claude-haiku-4-5';
const ORDER_TOOL = {
  name: 'lookup_order',
  description: 'Find an order by its number.',
  input_schema: { type: 'object' as const, properties: { order_id: { type: 'string' } }, required: ['order_id'] },
};

describe(FakeAnthropicServer.name, () => {
  let server: FakeAnthropic;
  let client: Anthropic;

  beforeAll(async () => {
    server = await startFakeAnthropic();
    client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  const ask = (text: string) => ({ model: MODEL, max_tokens: 256, messages: [{ role: 'user' as const, content: text }] });

  it('answers a plain request with the scripted text', async () => {
    server.script({ reply: 'Your refund is on its way.' });

    const message = await client.messages.create(ask('Where is my refund?'));

    expect(message.content).toEqual([{ type: 'text', text: 'Your refund is on its way.', citations: null }]);
    expect(message).toMatchObject({ model: MODEL, stop_reason: 'end_turn', id: expect.stringMatching(/^msg_/) });
  });

  it('streams text in several deltas that add up to the final text', async () => {
    const answer = 'Refunds reach your card within five business days after we receive the parcel.';
    server.script({ reply: answer });
    const deltas: string[] = [];

    const stream = client.messages.stream(ask('How long do refunds take?')).on('text', (delta) => deltas.push(delta));

    expect(await stream.finalText()).toBe(answer);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(answer);
  });

  it('streams a tool call whose input the SDK reassembles from fragments', async () => {
    server.script({ reply: [{ type: 'tool_use', name: 'lookup_order', input: { order_id: '#W1234567' } }] });
    const fragments: string[] = [];

    const stream = client.messages.stream({ ...ask('Where is order #W1234567?'), tools: [ORDER_TOOL] }).on('inputJson', (fragment) => fragments.push(fragment));
    const message = await stream.finalMessage();

    expect(message.stop_reason).toBe('tool_use');
    expect(message.content[0]).toMatchObject({
      type: 'tool_use',
      name: 'lookup_order',
      input: { order_id: '#W1234567' },
      id: expect.stringMatching(/^toolu_/),
    });
    expect(fragments.length).toBeGreaterThan(2);
  });

  it('accepts the tool result that answers the previous tool call', async () => {
    server.script(
      { reply: [{ type: 'tool_use', id: 'toolu_01lookup', name: 'lookup_order', input: { order_id: '#W1234567' } }] },
      { reply: 'It shipped yesterday.' },
    );
    const first = await client.messages.create({ ...ask('Where is order #W1234567?'), tools: [ORDER_TOOL] });

    const second = await client.messages.create({
      model: MODEL,
      max_tokens: 256,
      tools: [ORDER_TOOL],
      messages: [
        { role: 'user', content: 'Where is order #W1234567?' },
        { role: 'assistant', content: first.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01lookup', content: '{"status":"shipped"}' }] },
      ],
    });

    expect(second.content[0]).toMatchObject({ type: 'text', text: 'It shipped yesterday.' });
  });

  it('rejects a tool call left without its tool result', async () => {
    const request = client.messages.create({
      model: MODEL,
      max_tokens: 256,
      tools: [ORDER_TOOL],
      messages: [
        { role: 'user', content: 'Where is order #W1234567?' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01forgotten', name: 'lookup_order', input: {} }] },
        { role: 'user', content: 'Hello?' },
      ],
    });

    await expect(request).rejects.toBeInstanceOf(Anthropic.BadRequestError);
  });

  it('reports an overloaded API as OverloadedError', async () => {
    server.script({ error: { status: 529, type: 'overloaded_error', message: 'Overloaded' } });

    await expect(client.messages.create(ask('Hi'))).rejects.toBeInstanceOf(Anthropic.OverloadedError);
  });

  it('lets the SDK retry an overloaded answer', async () => {
    const retrying = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 1 });
    const overloaded = { error: { status: 529, type: 'overloaded_error' }, headers: { 'retry-after-ms': '10' } };
    server.script(overloaded, overloaded);

    await expect(retrying.messages.create(ask('Hi'))).rejects.toBeInstanceOf(Anthropic.OverloadedError);
    expect(server.requests.map((request) => request.headers['x-stainless-retry-count'])).toEqual(['0', '1']);
  });

  it('returns the rate-limit error with its retry-after header', async () => {
    server.script({ error: { status: 429, type: 'rate_limit_error' }, headers: { 'retry-after': '30' } });

    const error = await client.messages.create(ask('Hi')).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers.get('retry-after')).toBe('30');
    expect((error as RateLimitError).requestID).toMatch(/^req_/);
  });

  it('lets the client time out when the API never answers', async () => {
    server.script({ hang: true });

    await expect(client.messages.create(ask('Hi'), { timeout: 300 })).rejects.toBeInstanceOf(Anthropic.APIConnectionTimeoutError);
  });

  it('answers a delayed step once the delay has passed', async () => {
    server.script({ delayMs: 200, reply: 'Sorry for the wait.' });
    const startedAt = Date.now();

    const message = await client.messages.create(ask('Hi'));

    expect(message.content[0]).toMatchObject({ text: 'Sorry for the wait.' });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(190);
  });

  it('fails a stream that errors after it started', async () => {
    server.script({ streamError: { type: 'overloaded_error', message: 'Overloaded' } });

    const error = await client.messages
      .stream(ask('Hi'))
      .finalMessage()
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error).toMatchObject({ status: undefined, type: 'overloaded_error' });
  });

  it('turns a stream error into an HTTP error for a non-streaming request', async () => {
    server.script({ streamError: { type: 'overloaded_error', message: 'Overloaded' } });

    await expect(client.messages.create(ask('Hi'))).rejects.toBeInstanceOf(Anthropic.OverloadedError);
  });

  it('bills the tokens actually sent and received', async () => {
    server.script({ reply: 'Your refund is on its way.' });

    const { usage } = await client.messages.create(ask('Hello there'));

    expect(usage).toMatchObject({ input_tokens: 3, output_tokens: 7, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 });
  });

  it('reports the same usage at the end of a stream', async () => {
    server.script({ reply: 'Your refund is on its way.' });

    const { usage } = await client.messages.stream(ask('Hello there')).finalMessage();

    expect(usage).toMatchObject({ input_tokens: 3, output_tokens: 7 });
  });

  it('records each request body and its headers', async () => {
    await client.messages.create(ask('Hi'));

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/v1/messages', body: { model: MODEL, messages: [{ content: 'Hi' }] } });
    expect(server.requests[0].headers.authorization).toBe('Bearer test-key');
  });

  it('rejects a request without credentials', async () => {
    const response = await fetch(`${server.url}/v1/messages`, { method: 'POST', body: JSON.stringify(ask('Hi')) });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
  });

  it('accepts an x-api-key header', async () => {
    const response = await fetch(`${server.url}/v1/messages`, { method: 'POST', headers: { 'x-api-key': 'test-key' }, body: JSON.stringify(ask('Hi')) });

    expect(response.status).toBe(200);
  });

  it.each([
    ['a body that is not JSON', '{"model":'],
    ['a request without max_tokens', JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: 'Hi' }] })],
    ['a request without messages', JSON.stringify({ model: MODEL, max_tokens: 10 })],
  ])('rejects %s as an invalid request', async (_, body) => {
    const response = await fetch(`${server.url}/v1/messages`, { method: 'POST', headers: { 'x-api-key': 'test-key' }, body });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error' }, request_id: expect.stringMatching(/^req_/) });
  });
});
