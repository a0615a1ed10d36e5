import { FakeAnthropic, ReplyStep, startFakeAnthropic } from '../servers/anthropic';
import { ChatClient } from '../support/chat.client';
import { RunningGateway, startGateway } from '../support/gateway.harness';

const ANSWER = 'We ship only to addresses in the 50 US states (policy POL-SHIP-USONLY).';

/** A model asking for tool calls by the dozen, through the real @anthropic-ai/sdk against a local Messages API. */
describe('Tool calls a model cannot exceed', () => {
  let claude: FakeAnthropic;
  let gateway: RunningGateway;

  beforeAll(async () => {
    claude = await startFakeAnthropic();
    gateway = await startGateway({ ANTHROPIC_API_KEY: 'test', ANTHROPIC_BASE_URL: claude.url, ROUTER_CONFIDENCE_THRESHOLD: '0' });
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await claude?.close();
  });
  beforeEach(() => claude.reset());

  const answerRequests = () => claude.requests.filter((r) => r.body?.tools?.some((t) => t.name === 'lookup_order'));
  const lookups = (count: number): ReplyStep => ({
    reply: Array.from({ length: count }, () => ({ type: 'tool_use' as const, name: 'lookup_policy', input: { policy_id: 'POL-SHIP-USONLY' } })),
  });
  /** The tool results the model read after each tool round. */
  const toolResults = () =>
    answerRequests()
      .slice(1)
      .map((r) => r.body!.messages.at(-1)!.content as Array<{ type: string; content: string; is_error?: boolean }>);
  const refusedAtLimit = (results: Array<{ content: string; is_error?: boolean }>) =>
    results.filter((r) => r.is_error && JSON.parse(r.content).error === 'limit');
  const limitHits = async (limit: string) => {
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    return Number(new RegExp(`support_tool_call_limit_hits_total\\{limit="${limit}"\\} (\\d+)`).exec(metrics)?.[1] ?? 0);
  };
  const executedCalls = async (conversationId: string) =>
    (await gateway.db.query<any>(`SELECT tool_calls FROM agent_turns WHERE conversation_id = $1`, [conversationId])).rows[0].tool_calls;

  it('runs at most 8 of 30 tool calls in one response, tells the model the rest were not run, and still answers', async () => {
    const before = await limitHits('round');
    claude.script(lookups(30), { reply: ANSWER });
    const { reply, handoff, conversationId } = await new ChatClient(gateway.url).say('Do you ship to Canada?');

    expect(reply).toBe(ANSWER);
    expect(handoff).toBeNull();
    expect(await executedCalls(conversationId)).toHaveLength(8);
    const [results] = toolResults();
    expect(results).toHaveLength(30);
    expect(results.slice(0, 8).every((r) => !r.is_error)).toBe(true);
    expect(refusedAtLimit(results)).toHaveLength(22);
    expect((await limitHits('round')) - before).toBe(22);
  });

  it('runs at most 24 tool calls in a turn, however many rounds the model asks for', async () => {
    const before = await limitHits('turn');
    claude.script(lookups(8), lookups(8), lookups(8), lookups(8), { reply: ANSWER });
    const { reply, conversationId } = await new ChatClient(gateway.url).say('Do you ship to Canada?');

    expect(reply).toBe(ANSWER);
    expect(await executedCalls(conversationId)).toHaveLength(24);
    expect(refusedAtLimit(toolResults()[3])).toHaveLength(8);
    expect((await limitHits('turn')) - before).toBe(8);
  });
});
