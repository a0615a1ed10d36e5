import { Message } from '@support/conversation';
import { Passage } from '@support/knowledge';
import { buildMessages, policyDigestBlock } from './claude-prompt';

const message = (author: Message['author'], text: string): Message => ({
  id: `${author}-${text}`,
  conversationId: 'c1',
  channel: 'web',
  direction: author === 'customer' ? 'inbound' : 'outbound',
  author,
  text,
  attachments: [],
  channelMessageId: null,
  createdAt: new Date('2026-11-27T10:00:00Z'),
});

const passage: Passage = {
  id: 'returns-policy#window',
  articleId: 'returns-policy',
  title: 'Returns "policy"',
  section: 'The 30-day return window',
  text: 'You can request a return within 30 days (policy POL-RETURN-30D).',
  policyIds: ['POL-RETURN-30D'],
  score: 0.81234,
};

describe('Claude prompt', () => {
  it("ends with today's date, the customer's known email (as its placeholder), the passages with their section and policies, then the message", () => {
    const messages = buildMessages({
      history: [message('customer', 'Hi'), message('bot', 'Hello! How can I help?')],
      text: 'Can I return my boots?',
      passages: [passage],
      today: new Date('2026-11-27T23:30:00Z'),
      customer: { email: '[EMAIL_1]' },
    });

    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(messages[2].content).toBe(
      [
        '<today>2026-11-27</today>',
        '<customer_profile email="[EMAIL_1]" />',
        '<help_center>',
        '<passage id="returns-policy#window" title="Returns &quot;policy&quot;" section="The 30-day return window" score="0.81" policies="POL-RETURN-30D">',
        'You can request a return within 30 days (policy POL-RETURN-30D).',
        '</passage>',
        '</help_center>',
        '',
        '<customer_message>',
        'Can I return my boots?',
        '</customer_message>',
      ].join('\n'),
    );
  });

  it('leaves out a profile the customer never gave, and joins an unanswered earlier message to the current one', () => {
    const messages = buildMessages({
      history: [message('customer', 'Hello?')],
      text: 'Anyone there?',
      passages: [],
      today: new Date('2026-11-27T10:00:00Z'),
      customer: { email: null },
    });

    expect(messages).toHaveLength(1);
    expect(messages[0].content).toBe(
      'Hello?\n\n<today>2026-11-27</today>\n<help_center>No relevant help-center passages were found.</help_center>\n\n<customer_message>\nAnyone there?\n</customer_message>',
    );
  });

  it('frames the policy digest as the only policies there are, to be looked up before they are stated', () => {
    const block = policyDigestBlock('POL-RETURN-30D: You can request a return within 30 days. (Returns policy › The 30-day return window)');

    expect(block).toMatch(/^<policies>\n.*Only these ids exist.*look it up with lookup_policy/s);
    expect(block).toContain('\nPOL-RETURN-30D: You can request a return within 30 days. (Returns policy › The 30-day return window)\n</policies>');
  });
});
