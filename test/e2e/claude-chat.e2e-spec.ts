import { FakeAnthropic, startFakeAnthropic } from '../servers/anthropic';
import { ChatClient } from '../support/chat.client';
import { RunningGateway, startGateway } from '../support/gateway.harness';

/** The same conversations as on the embedded engine, through the real @anthropic-ai/sdk against a local Messages API. */
describe('Web chat through Claude (@anthropic-ai/sdk against a local Messages API server)', () => {
  let claude: FakeAnthropic;
  let gateway: RunningGateway;

  beforeAll(async () => {
    claude = await startFakeAnthropic({ minCacheTokens: 200 });
    gateway = await startGateway({
      ANTHROPIC_API_KEY: 'test-key',
      ANTHROPIC_BASE_URL: claude.url,
      ANTHROPIC_TIMEOUT_MS: '1500',
      ANTHROPIC_MAX_RETRIES: '1',
    });
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await claude?.close();
  });
  beforeEach(() => claude.reset());

  const rows = (sql: string, params: unknown[] = []) => gateway.db.query<any>(sql, params).then((r) => r.rows);
  const lastTurn = async (conversationId: string) =>
    (await rows(`SELECT * FROM agent_turns WHERE conversation_id = $1 ORDER BY created_at DESC LIMIT 1`, [conversationId]))[0];

  it('looks the order up through a tool round trip and answers with its real status', async () => {
    claude.script(
      { reply: [{ type: 'text', text: 'Let me check. ' }, { type: 'tool_use', name: 'lookup_order', input: { order_id: '#W9000010', email: 'priya.natarajan@example.com' } }] },
      { reply: 'Your order #W9000010 has shipped with USPS and should arrive today.' },
    );
    const customer = new ChatClient(gateway.url);
    const { reply, handoff, conversationId } = await customer.say('Where is my order #W9000010? I am priya.natarajan@example.com');

    expect(reply).toBe('Your order #W9000010 has shipped with USPS and should arrive today.');
    expect(handoff).toBeNull();
    const [, second] = claude.requests;
    const toolResult = JSON.stringify(second.body!.messages[second.body!.messages.length - 1]);
    expect(toolResult).toContain('tool_result');
    expect(toolResult).toContain('processed');
    expect(toolResult).toContain('USPS');

    const turn = await lastTurn(conversationId);
    expect(turn.model).toBe('claude-sonnet-4-6');
    expect(turn.tool_calls).toEqual([expect.objectContaining({ name: 'lookup_order', isError: false })]);
    expect(turn.tokens_in).toBeGreaterThan(0);
    expect(turn.tokens_out).toBeGreaterThan(0);
    expect(turn.tokens_cache_write + turn.tokens_cache_read).toBeGreaterThan(0);
    expect(Number(turn.cost_usd)).toBeGreaterThan(0);
  });

  it('sends the stable prompt first with cache breakpoints, so the next turn reads it from the cache', async () => {
    claude.script({ reply: 'Returns are accepted within 30 days of delivery (policy POL-RETURN-30D).' }, { reply: 'Standard shipping costs $5.99 (policy POL-SHIP-RATES).' });
    const customer = new ChatClient(gateway.url);
    await customer.say('What is your return policy?');
    await customer.say('How much does standard shipping cost?');

    const [first] = claude.requests;
    expect(first.body!.system).toEqual([expect.objectContaining({ cache_control: { type: 'ephemeral' } })]);
    expect(first.body!.tools!.at(-1)).toHaveProperty('cache_control');
    expect(JSON.stringify(first.body!.messages)).toContain('<passage id=');
    const turns = await rows(`SELECT model, tokens_cache_read FROM agent_turns WHERE conversation_id = $1 ORDER BY created_at`, [customer.conversationId]);
    expect(turns.map((t: any) => t.model)).toEqual(['claude-haiku-4-5', 'claude-haiku-4-5']);
    expect(turns[1].tokens_cache_read).toBeGreaterThan(0);
  });

  it('stops at the 6-round tool cap and hands off instead of looping', async () => {
    const lookup = { reply: [{ type: 'tool_use' as const, name: 'list_my_orders', input: {} }] };
    claude.script(lookup, lookup, lookup, lookup, lookup, lookup, lookup, lookup);
    const { reply, handoff, conversationId } = await new ChatClient(gateway.url).say('List all my orders please');

    expect(claude.requests).toHaveLength(6);
    expect(handoff?.reason).toBe('tool_round_cap');
    expect(reply).toMatch(/member of our team/);
    expect((await lastTurn(conversationId)).tool_calls).toHaveLength(5);
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/support_tool_round_cap_hits_total 1/);
  });

  it('apologises and hands off when the provider is overloaded (HTTP 529), after one retry', async () => {
    const overloaded = { error: { status: 529, type: 'overloaded_error', message: 'Overloaded' }, headers: { 'retry-after-ms': '10' } };
    claude.script(overloaded, overloaded);
    const { reply, handoff } = await new ChatClient(gateway.url).say('What is your return policy?');

    expect(claude.requests).toHaveLength(2);
    expect(reply).toMatch(/sorry/i);
    expect(handoff?.reason).toBe('provider_error');
    expect(handoff?.summary).toMatch(/model was unavailable/);
  });

  it('apologises and hands off when the provider does not answer in time, never leaving the customer in silence', async () => {
    claude.script({ hang: true }, { hang: true });
    const started = Date.now();
    const { reply, handoff } = await new ChatClient(gateway.url).say('Do you ship to Canada?');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(reply).toMatch(/sorry/i);
    expect(handoff?.reason).toBe('provider_error');
  });

  it('hands off when the model itself says a person should take over', async () => {
    claude.script({ reply: [{ type: 'tool_use', name: 'handoff_to_human', input: { reason: 'customer wants compensation beyond policy' } }] });
    const { handoff } = await new ChatClient(gateway.url).say('I demand $500 compensation for my late parcel');
    expect(handoff?.reason).toBe('model_requested');
  });

  it('hands a request for a person straight over without calling the model', async () => {
    const { handoff } = await new ChatClient(gateway.url).say('Let me talk to a real human being');
    expect(handoff?.reason).toBe('customer_request');
    expect(claude.requests).toHaveLength(0);
  });
});
