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
      // The local router decides every message here, so scripted replies go to the answer; the second stage has its own test.
      ROUTER_CONFIDENCE_THRESHOLD: '0',
    });
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await claude?.close();
  });
  beforeEach(() => claude.reset());

  /** The requests that asked for an answer (they offer the support tools), not the handoff summaries. */
  const answerRequests = () => claude.requests.filter((r) => r.body?.tools?.some((t) => t.name === 'lookup_order'));
  const rows = (sql: string, params: unknown[] = []) => gateway.db.query<any>(sql, params).then((r) => r.rows);
  const lastTurn = async (conversationId: string) =>
    (await rows(`SELECT * FROM agent_turns WHERE conversation_id = $1 ORDER BY created_at DESC LIMIT 1`, [conversationId]))[0];

  it('looks the order up through a tool round trip and answers with its real status', async () => {
    claude.script(
      {
        reply: [
          { type: 'text', text: 'Let me check. ' },
          { type: 'tool_use', name: 'lookup_order', input: { order_id: '#W9000010', email: 'priya.natarajan@example.com' } },
        ],
      },
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
    claude.script(
      { reply: 'Returns are accepted within 30 days of delivery (policy POL-RETURN-30D).' },
      { reply: 'Standard shipping costs $5.99 (policy POL-SHIP-RATES).' },
    );
    const customer = new ChatClient(gateway.url);
    await customer.say('What is your return policy?');
    await customer.say('How much does standard shipping cost?');

    const [first] = claude.requests;
    // Instructions, then the help center's policy digest; the breakpoint closes the digest, so both are cached.
    expect(first.body!.system).toEqual([
      { type: 'text', text: expect.stringContaining('customer-support assistant') },
      {
        type: 'text',
        text: expect.stringMatching(/^<policies>[\s\S]*\nPOL-SHIP-USONLY: Northwind Outfitters ships only to addresses in the 50 US states/),
        cache_control: { type: 'ephemeral' },
      },
    ]);
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

    expect(answerRequests()).toHaveLength(6);
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

    expect(answerRequests()).toHaveLength(2);
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

  it("never sends the customer's email or card number to the provider, and restores them in the reply", async () => {
    claude.script(
      { reply: [{ type: 'tool_use', name: 'lookup_order', input: { order_id: '#W9000010', email: '[EMAIL_1]' } }] },
      { reply: 'Thanks! I found order #W9000010 for [EMAIL_1]; it has shipped.' },
    );
    const { reply } = await new ChatClient(gateway.url).say('Order #W9000010 please, I am priya.natarajan@example.com, card 4111 1111 1111 1111');

    const sent = JSON.stringify(answerRequests().map((r) => r.body));
    expect(sent).not.toContain('priya.natarajan@example.com');
    expect(sent).not.toContain('4111 1111 1111 1111');
    expect(sent).toContain('[EMAIL_1]');
    expect(sent).toContain('USPS');
    expect(reply).toBe('Thanks! I found order #W9000010 for priya.natarajan@example.com; it has shipped.');
  });

  it("tells the model the email the customer gave on the chat page as its placeholder only, never their name, and today's date", async () => {
    claude.script(
      { reply: [{ type: 'tool_use', name: 'lookup_order', input: { order_id: '#W9000009', email: '[EMAIL_1]' } }] },
      { reply: 'It was delivered.' },
    );
    await new ChatClient(gateway.url, { email: 'sofia.marino@example.com', name: 'Sofia Marino' }).say('Has my order W9000009 arrived?');

    const sent = JSON.stringify(answerRequests().map((r) => r.body));
    expect(sent).toContain('<customer_profile email=\\"[EMAIL_1]\\" />');
    expect(sent).toMatch(/<today>\d{4}-\d{2}-\d{2}<\/today>/);
    expect(sent).not.toContain('sofia.marino@example.com');
    expect(sent).not.toContain('Sofia');
    const turn = await lastTurn((await rows(`SELECT conversation_id FROM agent_turns ORDER BY created_at DESC LIMIT 1`))[0].conversation_id);
    expect(turn.tool_calls).toEqual([expect.objectContaining({ name: 'lookup_order', isError: false })]);
  });

  it("keeps the model's own confidence and citations, and never shows them to the customer", async () => {
    claude.script({
      reply:
        'Refunds to a card take 5–7 business days (policy POL-REFUND-CARD).\n<answer_meta>{"passage_ids": [], "policy_ids": ["POL-REFUND-CARD"], "confidence": 0.92}</answer_meta>',
    });
    const { reply, handoff } = await new ChatClient(gateway.url).say('How long does a refund to my credit card take?');
    expect(reply).toBe('Refunds to a card take 5–7 business days (policy POL-REFUND-CARD).');
    expect(handoff).toBeNull();
  });

  it('does not send a refund rule without a policy citation: it asks the model once more, then hands off', async () => {
    claude.script({ reply: 'Sure, refunds are always accepted within 90 days.' }, { reply: 'Refunds are accepted within 90 days, no questions asked.' });
    const { reply, handoff } = await new ChatClient(gateway.url).say('Can I get a refund on my boots?');
    expect(answerRequests()).toHaveLength(2);
    expect(JSON.stringify(answerRequests()[1].body!.messages.at(-1))).toContain('policy id');
    expect(reply).not.toMatch(/90 days/);
    expect(handoff?.reason).toBe('uncited_policy');
  });

  it("changes an order only after the customer's explicit yes, whatever the model does before it", async () => {
    const orderStatus = async () => (await rows(`SELECT status FROM shop_orders WHERE id = '#W9000014'`))[0].status;
    claude.script(
      { reply: [{ type: 'tool_use', name: 'lookup_order', input: { order_id: '#W9000014', email: 'maya.okafor@example.com' } }] },
      { reply: [{ type: 'tool_use', name: 'cancel_order', input: { order_id: '#W9000014', reason: 'no longer needed' } }] },
      { reply: 'Order #W9000014 (rain jacket and power bank) is pending. Do you want me to cancel it?' },
    );
    const customer = new ChatClient(gateway.url);
    const asked = await customer.say('Please cancel my order #W9000014, I am maya.okafor@example.com');
    expect(asked.reply).toMatch(/Do you want me to cancel it\?\n\nTo confirm: shall I cancel order #W9000014 /);
    expect(JSON.stringify(answerRequests()[2].body!.messages.at(-1))).toContain('confirmation_required');
    expect(await orderStatus()).toBe('pending');

    claude.reset();
    claude.script(
      { reply: [{ type: 'tool_use', name: 'cancel_order', input: { order_id: '#W9000014', reason: 'no longer needed' } }] },
      { reply: 'Done: order #W9000014 is cancelled.' },
    );
    const done = await customer.say('Yes, please go ahead');
    expect(done.reply).toBe('Done: order #W9000014 is cancelled.');
    expect(await orderStatus()).toBe('cancelled');
  });

  it('refuses to change an order for someone who has not shown it is theirs', async () => {
    claude.script(
      { reply: [{ type: 'tool_use', name: 'cancel_order', input: { order_id: '#W9000013', reason: 'ordered by mistake' } }] },
      { reply: 'To help with that I need the email address or ZIP code on the order.' },
    );
    await new ChatClient(gateway.url).say('yes cancel #W9000013 now');
    expect(JSON.stringify(answerRequests()[1].body!.messages.at(-1))).toContain('needs_verification');
    expect((await rows(`SELECT status FROM shop_orders WHERE id = '#W9000013'`))[0].status).toBe('pending');
  });

  it('opens a follow-up ticket for the team without handing the conversation over', async () => {
    claude.script(
      { reply: [{ type: 'tool_use', name: 'open_ticket', input: { summary: 'Trace refund for order #W9000007' } }] },
      { reply: 'I have opened a ticket for our team to trace it.' },
    );
    const { handoff, conversationId } = await new ChatClient(gateway.url).say('My refund for the cancelled order never arrived');
    expect(handoff).toBeNull();
    expect(await rows(`SELECT summary, status FROM tickets WHERE conversation_id = $1`, [conversationId])).toEqual([
      { summary: 'Trace refund for order #W9000007', status: 'open' },
    ]);
  });

  it('hands a request for a person straight over, with a summary the small model writes', async () => {
    claude.script({ reply: 'Customer wants a person right away; nothing done yet. Greet them and ask how to help.' });
    const { handoff } = await new ChatClient(gateway.url).say('Let me talk to a real human being');
    expect(handoff?.reason).toBe('customer_request');
    expect(answerRequests()).toHaveLength(0);
    expect(handoff?.summary).toBe('Customer wants a person right away; nothing done yet. Greet them and ask how to help.');
    expect(JSON.stringify(claude.requests[0].body)).toContain('Let me talk to a real human being');
  });
});

describe('The router cascade through Claude', () => {
  let claude: FakeAnthropic;
  let gateway: RunningGateway;

  beforeAll(async () => {
    claude = await startFakeAnthropic();
    // Every message is "unsure" for the local stage at this threshold, so the small model routes it.
    gateway = await startGateway({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: claude.url, ROUTER_CONFIDENCE_THRESHOLD: '1' });
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await claude?.close();
  });

  it('asks the small model through a tool where the local classifier is unsure, and records its spend', async () => {
    claude.script({ reply: [{ type: 'tool_use', name: 'route_message', input: { route: 'human_request', confidence: 0.9 } }] });
    const { handoff, conversationId } = await new ChatClient(gateway.url).say('hmm, can somebody real look at this');

    const [routing] = claude.requests;
    expect(routing.body).toMatchObject({ model: 'claude-haiku-4-5', tool_choice: { type: 'tool', name: 'route_message' } });
    expect(handoff?.reason).toBe('customer_request');
    const { rows } = await gateway.db.query<any>(`SELECT route, tokens_in, cost_usd FROM agent_turns WHERE conversation_id = $1`, [conversationId]);
    expect(rows[0].route).toBe('human_request');
    expect(rows[0].tokens_in).toBeGreaterThan(0);
    expect(Number(rows[0].cost_usd)).toBeGreaterThan(0);
  });
});

describe('The optional LLM-as-judge check', () => {
  let claude: FakeAnthropic;
  let gateway: RunningGateway;

  beforeAll(async () => {
    claude = await startFakeAnthropic();
    gateway = await startGateway({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: claude.url, ROUTER_CONFIDENCE_THRESHOLD: '0', GATE_LLM_JUDGE: 'true' });
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await claude?.close();
  });

  it('holds back a reply the judge finds unsupported, and hands off', async () => {
    claude.script(
      { reply: 'We ship to Canada in 3 days.' },
      { reply: [{ type: 'tool_use', name: 'verdict', input: { supported: false, reason: 'The passages say the shop ships only within the US.' } }] },
    );
    const { reply, handoff } = await new ChatClient(gateway.url).say('Do you ship to Canada?');
    expect(reply).not.toContain('3 days');
    expect(handoff?.reason).toBe('judge_rejected');
    expect(claude.requests[1].body).toMatchObject({ tool_choice: { type: 'tool', name: 'verdict' } });
  });

  it('lets a supported reply through', async () => {
    claude.script(
      { reply: 'We ship only to addresses in the United States (policy POL-SHIP-USONLY).' },
      { reply: [{ type: 'tool_use', name: 'verdict', input: { supported: true, reason: 'Stated in the passage.' } }] },
    );
    const { reply, handoff } = await new ChatClient(gateway.url).say('Do you ship to Canada?');
    expect(reply).toContain('POL-SHIP-USONLY');
    expect(handoff).toBeNull();
  });
});
