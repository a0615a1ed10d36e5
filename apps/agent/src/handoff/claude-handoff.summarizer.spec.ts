import type Anthropic from '@anthropic-ai/sdk';
import { createLogger } from '@support/platform';
import { ClaudeHandoffSummarizer } from './claude-handoff.summarizer';
import { HandoffContext } from './handoff-summary';

/** Records what would be sent to the model and answers with a fixed note. */
class RecordingMessages {
  readonly sent: string[] = [];

  constructor(private readonly reply: string) {}

  async create(body: { messages: { content: string }[] }) {
    this.sent.push(body.messages.map((message) => message.content).join('\n'));
    return { content: [{ type: 'text', text: this.reply }], usage: { input_tokens: 120, output_tokens: 30 } };
  }
}

function handoffContext(customerText: string): HandoffContext {
  const now = new Date();
  return {
    customer: { id: 'cus_1', name: null, email: null, createdAt: now },
    identities: [],
    channel: 'web',
    history: [],
    text: customerText,
    route: { route: 'account', intent: 'update_contact', confidence: 0.9, stage: 'local' },
    passages: [],
    toolCalls: [],
    reason: 'customer_request',
  };
}

function summarizerReplying(reply: string) {
  const messages = new RecordingMessages(reply);
  const client = { messages } as unknown as Anthropic;
  return { summarizer: new ClaudeHandoffSummarizer(client, 'small-model', createLogger('silent')), messages };
}

/** A long message whose 200-character cut falls inside `secret`. */
function messageCutInside(secret: string): string {
  const lead = 'I have been trying to update my details for a week and the page keeps failing, so here they are again. ';
  const fillerLength = 199 - lead.length - Math.ceil(secret.length / 2);
  const filler = 'Please change them for me and confirm when it is done, '
    .repeat(3)
    .slice(0, fillerLength - 1)
    .padEnd(fillerLength - 1, '.');
  return `${lead}${filler} ${secret} and thanks.`;
}

/** Each group of the value and every run of four of its characters within a group: enough to spot a cut-off piece. */
function fragmentsOf(secret: string): string[] {
  const groups = secret.split(' ').filter((group) => group.length >= 3);
  return groups.flatMap((group) => [group, ...Array.from({ length: Math.max(0, group.length - 3) }, (_, index) => group.slice(index, index + 4))]);
}

describe(ClaudeHandoffSummarizer.name, () => {
  it.each([
    ['an email address', 'jane.doe@example.com'],
    ['a phone number', '+44 7700 900 123'],
    ['a card number', '4539 1488 0343 6467'],
  ])('sends the model no piece of %s that the summary cuts in half', async (_, secret) => {
    const { summarizer, messages } = summarizerReplying('The customer wants their contact details changed.');
    const text = messageCutInside(secret);
    expect(text.indexOf(secret)).toBeLessThan(199);
    expect(text.indexOf(secret) + secret.length).toBeGreaterThan(199);

    await summarizer.summarize(handoffContext(text));

    expect(messages.sent).toHaveLength(1);
    for (const fragment of fragmentsOf(secret)) expect(messages.sent[0]).not.toContain(fragment);
  });

  it('shows the person the real value where the model wrote its placeholder', async () => {
    const { summarizer, messages } = summarizerReplying('Call the customer back on [PHONE_1].');

    const summary = await summarizer.summarize(handoffContext(`Call me back on +44 7700 900 123 please, ${'the page keeps failing. '.repeat(10)}`));

    expect(messages.sent[0]).toContain('[PHONE_1]');
    expect(summary.text).toBe('Call the customer back on +44 7700 900 123.');
  });
});
