import Anthropic from '@anthropic-ai/sdk';
import { defaultSupportResponder } from './default-support.responder';
import { type FakeAnthropic, startFakeAnthropic } from './fake-anthropic.server';

const MODEL = 'claude-sonnet-4-6';
const ORDER_TOOL = {
  name: 'get_order_status',
  description: 'Look up an order.',
  input_schema: { type: 'object' as const, properties: { order_id: { type: 'string' }, email: { type: 'string' } }, required: ['order_id'] },
};

describe(defaultSupportResponder.name, () => {
  let server: FakeAnthropic;
  let client: Anthropic;

  beforeAll(async () => {
    server = await startFakeAnthropic();
    client = new Anthropic({ apiKey: 'test-key', baseURL: server.url, maxRetries: 0 });
  });
  afterEach(() => server.reset());
  afterAll(() => server.close());

  const textOf = (message: Anthropic.Message) => message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');

  it('looks up the order the customer names, with the email they gave', async () => {
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 256,
      tools: [ORDER_TOOL],
      messages: [{ role: 'user', content: "I'm ana@example.com, where is W1234567?" }],
    });

    expect(message.stop_reason).toBe('tool_use');
    expect(message.content).toEqual([
      expect.objectContaining({ type: 'tool_use', name: 'get_order_status', input: { order_id: '#W1234567', email: 'ana@example.com' } }),
    ]);
  });

  it('answers with the order status once the tool has returned it', async () => {
    const question = { role: 'user' as const, content: 'Where is order #W1234567?' };
    const call = await client.messages.create({ model: MODEL, max_tokens: 256, tools: [ORDER_TOOL], messages: [question] });
    const toolUse = call.content.find((block) => block.type === 'tool_use') as Anthropic.ToolUseBlock;

    const answer = await client.messages.create({
      model: MODEL,
      max_tokens: 256,
      tools: [ORDER_TOOL],
      messages: [
        question,
        { role: 'assistant', content: call.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: toolUse.id, content: '{"order_id":"#W1234567","status":"delivered"}' }] },
      ],
    });

    expect(answer.stop_reason).toBe('end_turn');
    expect(textOf(answer)).toContain('The status is delivered');
  });

  it('admits a failed lookup instead of inventing a status', async () => {
    const step = defaultSupportResponder({
      model: MODEL,
      max_tokens: 256,
      messages: [
        { role: 'user', content: 'Where is #W7654321?' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_01x', name: 'get_order_status', input: { order_id: '#W7654321' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01x', content: 'Order not found', is_error: true }] },
      ],
    });

    expect(step).toEqual({ reply: "I couldn't look that up: Order not found" });
  });

  it('answers from the first help-center passage it was given', async () => {
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 256,
      system:
        'Answer from these passages.\n<passage id="kb-12">Returns are free within 30 days of delivery. Items must be unused.</passage>\n<passage id="kb-40">Gift cards never expire.</passage>',
      messages: [{ role: 'user', content: 'Can I return my shoes?' }],
    });

    expect(textOf(message)).toBe('Returns are free within 30 days of delivery. Items must be unused.');
  });

  it('says it is not sure when it has nothing to go on', async () => {
    const message = await client.messages.create({ model: MODEL, max_tokens: 256, messages: [{ role: 'user', content: 'What is the meaning of life?' }] });

    expect(textOf(message)).toBe("I'm not sure about that.");
  });

  it('does not call an order tool when no order number was mentioned', async () => {
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 256,
      tools: [ORDER_TOOL],
      messages: [{ role: 'user', content: 'Where is my order?' }],
    });

    expect(message.content.map((block) => block.type)).toEqual(['text']);
  });
});
