import { FakeAnthropic, startFakeAnthropic } from '../servers/anthropic';
import { ChatClient, streamChat } from '../support/chat.client';
import { RunningGateway, startGateway } from '../support/gateway.harness';

const DEADLINE_MS = 1500;
const IDLE_MS = 500;
/** Routing, retrieval, the handoff and the HTTP round trip, on top of the model's time. */
const MARGIN_MS = 1000;
const QUESTION = 'Do you ship to Canada?';
const ANSWER = 'We ship only to addresses in the 50 US states, so we cannot send your parcel to Canada, sorry about that (policy POL-SHIP-USONLY).';

/** Every turn ends in time, through the real @anthropic-ai/sdk against a local Messages API that misbehaves. */
describe('A turn answered by Claude always ends in time', () => {
  let claude: FakeAnthropic;
  let gateway: RunningGateway;

  beforeAll(async () => {
    claude = await startFakeAnthropic();
    gateway = await startGateway({
      ANTHROPIC_API_KEY: 'test',
      ANTHROPIC_BASE_URL: claude.url,
      ANTHROPIC_MAX_RETRIES: '1',
      TURN_DEADLINE_MS: String(DEADLINE_MS),
      MODEL_STREAM_IDLE_MS: String(IDLE_MS),
      // The local router decides every message, so the scripted steps all go to the answer.
      ROUTER_CONFIDENCE_THRESHOLD: '0',
    });
    // The first turn warms the help-center index up; the timings below are of warm turns.
    await new ChatClient(gateway.url).say(QUESTION);
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await claude?.close();
  });
  beforeEach(() => claude.reset());

  const answerRequests = () => claude.requests.filter((r) => r.body?.tools?.some((t) => t.name === 'lookup_order'));
  const timed = async <T>(work: () => Promise<T>) => {
    const started = Date.now();
    const result = await work();
    return { ...result, elapsedMs: Date.now() - started };
  };
  const apology = /sorry.*member of our team/is;

  it('apologises and passes the customer to a person by the deadline when the model never answers', async () => {
    claude.script({ hang: true }, { hang: true });
    const { reply, handoff, elapsedMs } = await timed(() => new ChatClient(gateway.url).say(QUESTION));

    expect(reply).toMatch(apology);
    expect(handoff?.reason).toBe('deadline');
    expect(elapsedMs).toBeGreaterThanOrEqual(DEADLINE_MS - 100);
    expect(elapsedMs).toBeLessThan(DEADLINE_MS + MARGIN_MS);
    expect(answerRequests()).toHaveLength(1);
  });

  it('cuts a stream that stops mid-answer, and replaces the half answer with the apology', async () => {
    claude.script({ reply: ANSWER, stallAfterEvents: 6 });
    const started = Date.now();
    const events = await streamChat(gateway.url, { text: QUESTION });
    const elapsedMs = Date.now() - started;

    const streamed = events
      .filter((e) => e.event === 'delta')
      .map((e) => e.data.text)
      .join('');
    const final = events.find((e) => e.event === 'reply')!.data;
    expect(ANSWER.startsWith(streamed.trim())).toBe(true);
    expect(streamed).toContain('We ship');
    expect(final.reply).toMatch(apology);
    expect(final.reply).not.toContain('We ship');
    expect(final.handoff.reason).toBe('model_stalled');
    expect(elapsedMs).toBeLessThan(IDLE_MS + MARGIN_MS);
  });

  it('ends a reply that drips out too slowly at the deadline, though it never goes quiet for long', async () => {
    claude.script({ reply: ANSWER, dripMs: 300 });
    const { reply, handoff, elapsedMs } = await timed(() => new ChatClient(gateway.url).say(QUESTION));

    expect(reply).toMatch(apology);
    expect(handoff?.reason).toBe('deadline');
    expect(elapsedMs).toBeLessThan(DEADLINE_MS + MARGIN_MS);
  });

  it('does not wait out a rate limit whose Retry-After ends past the deadline', async () => {
    claude.script({ error: { status: 429, type: 'rate_limit_error', message: 'Rate limited' }, headers: { 'retry-after': '60' } });
    const { reply, handoff, elapsedMs } = await timed(() => new ChatClient(gateway.url).say(QUESTION));

    expect(reply).toMatch(apology);
    expect(handoff?.reason).toBe('provider_error');
    expect(answerRequests()).toHaveLength(1);
    expect(elapsedMs).toBeLessThan(DEADLINE_MS);
  });

  it('answers after an overloaded model recovers within the deadline', async () => {
    claude.script({ error: { status: 529, type: 'overloaded_error', message: 'Overloaded' } }, { reply: ANSWER });
    const { reply, handoff, elapsedMs } = await timed(() => new ChatClient(gateway.url).say(QUESTION));

    expect(reply).toBe(ANSWER);
    expect(handoff).toBeNull();
    expect(answerRequests()).toHaveLength(2);
    expect(elapsedMs).toBeLessThan(DEADLINE_MS + MARGIN_MS);
  });

  describe('an answer cut off at max_tokens', () => {
    const cutAt = ANSWER.indexOf('so we');
    const [start, rest] = [ANSWER.slice(0, cutAt), ANSWER.slice(cutAt - 1)];

    it('is continued from where it stopped, and the customer gets the whole answer', async () => {
      claude.script({ reply: start, stopReason: 'max_tokens' }, { reply: rest });
      const events = await streamChat(gateway.url, { text: QUESTION });

      const final = events.find((e) => e.event === 'reply')!.data;
      expect(final.reply).toBe(ANSWER);
      expect(final.handoff).toBeNull();
      expect(
        events
          .filter((e) => e.event === 'delta')
          .map((e) => e.data.text)
          .join(''),
      ).toBe(ANSWER);
      // The cut-off text goes back as the start of the assistant's turn, without the trailing space the API refuses.
      expect(answerRequests()[1].body!.messages.at(-1)).toEqual({ role: 'assistant', content: start.trimEnd() });
    });

    it('is never sent as if complete when the continuation is cut off too: a person takes over', async () => {
      claude.script({ reply: start, stopReason: 'max_tokens' }, { reply: 'so we cannot', stopReason: 'max_tokens' });
      const { reply, handoff } = await new ChatClient(gateway.url).say(QUESTION);

      expect(handoff?.reason).toBe('answer_cut_off');
      expect(reply).toMatch(apology);
      expect(reply).not.toContain('We ship');
      expect(answerRequests()).toHaveLength(2);
    });
  });
});
