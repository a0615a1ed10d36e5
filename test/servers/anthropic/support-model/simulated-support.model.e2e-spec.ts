import type { MessagesRequest, RequestMessage } from '../anthropic-wire.types';
import type { ReplyStep } from '../script-step.types';
import { simulatedSupportModel } from './simulated-support.model';

const TOOLS = ['lookup_policy', 'lookup_order', 'list_my_orders', 'cancel_order', 'handoff_to_human'].map((name) => ({
  name,
  input_schema: { type: 'object' },
}));
const DIGEST = [
  '<policies>',
  'POL-CANCEL-PENDING: You can cancel an order only while its status is Pending. (Cancelling an order › Which orders can be cancelled)',
  'POL-RETURN-30D: You can request a return within 30 days of the delivery date. (Returns policy › The 30-day return window)',
  '</policies>',
].join('\n');
const WINDOW_PASSAGE =
  '<passage id="returns-policy#window" title="Returns policy" section="The 30-day return window" score="0.80" policies="POL-RETURN-30D">\nYou can request a return within 30 days of the delivery date (policy POL-RETURN-30D).\n</passage>';

function supportRequest(customerText: string, options: { passages?: string; earlier?: RequestMessage[]; after?: RequestMessage[] } = {}): MessagesRequest {
  const current = `<today>2026-11-27</today>\n<help_center>\n${options.passages ?? ''}\n</help_center>\n\n<customer_message>\n${customerText}\n</customer_message>`;
  return {
    model: 'claude-sonnet-4-6',
    max_tokens: 1024,
    system: [
      { type: 'text', text: 'You are the assistant.' },
      { type: 'text', text: DIGEST },
    ],
    tools: TOOLS,
    messages: [...(options.earlier ?? []), { role: 'user', content: current }, ...(options.after ?? [])],
  };
}

function reply(request: MessagesRequest) {
  return (simulatedSupportModel(request) as ReplyStep).reply;
}

function toolResult(name: string, input: Record<string, unknown>, result: unknown, isError = false): RequestMessage[] {
  return [
    { role: 'assistant', content: [{ type: 'tool_use', id: `toolu_${name}`, name, input }] },
    { role: 'user', content: [{ type: 'tool_result', tool_use_id: `toolu_${name}`, content: JSON.stringify(result), is_error: isError }] },
  ];
}

const PENDING_ORDER = { orderId: '#W9000014', status: 'pending', items: [{ itemId: 'i1', name: 'Rain Jacket' }], paidWith: ['credit_card_1'], shipments: [] };

describe('simulatedSupportModel', () => {
  it('answers the forced routing tool with a route', () => {
    const request: MessagesRequest = {
      model: 'claude-haiku-4-5',
      max_tokens: 100,
      tools: [{ name: 'route_message' }],
      tool_choice: { type: 'tool', name: 'route_message' },
      messages: [{ role: 'user', content: '<customer_message>\nPlease cancel my order\n</customer_message>' }],
    };
    expect(reply(request)).toEqual([{ type: 'tool_use', name: 'route_message', input: { route: 'order_change', confidence: 0.8 } }]);
  });

  it('looks up the policy a rule question is about, then answers from it, citing its id, with its own confidence', () => {
    const question = 'How many days do I have to return something?';
    expect(reply(supportRequest(question, { passages: WINDOW_PASSAGE }))).toEqual([
      { type: 'tool_use', name: 'lookup_policy', input: { policy_id: 'POL-RETURN-30D' } },
    ]);

    const looked = toolResult('lookup_policy', { policy_id: 'POL-RETURN-30D' }, [
      {
        policyIds: ['POL-RETURN-30D'],
        article: 'Returns policy',
        section: 'The 30-day return window',
        text: 'You can request a return within 30 days of the delivery date (policy POL-RETURN-30D).',
      },
    ]);
    const text = reply(supportRequest(question, { passages: WINDOW_PASSAGE, after: looked })) as string;
    expect(text).toMatch(/^You can request a return within 30 days of the delivery date \(policy POL-RETURN-30D\)\.\n<answer_meta>/);
    expect(JSON.parse(/<answer_meta>(.*)<\/answer_meta>/.exec(text)![1])).toEqual({ passage_ids: [], policy_ids: ['POL-RETURN-30D'], confidence: 0.9 });
  });

  it("says it doesn't know, with low confidence, when the passages don't speak to the question", () => {
    const text = reply(supportRequest('Can I pick up my order at one of your stores?', { passages: WINDOW_PASSAGE })) as string;
    expect(text).toMatch(/^I'm sorry, I don't know the answer to that/);
    expect(text).toContain('"confidence":0.2');
  });

  it('looks the order up, proposes the cancellation through its tool, and cancels only after a yes', () => {
    const ask = 'Please cancel my order #W9000014. My email is [EMAIL_1]';
    expect(reply(supportRequest(ask))).toEqual([{ type: 'tool_use', name: 'lookup_order', input: { order_id: '#W9000014', email: '[EMAIL_1]' } }]);

    const afterLookup = toolResult('lookup_order', { order_id: '#W9000014', email: '[EMAIL_1]' }, PENDING_ORDER);
    const cancel = { order_id: '#W9000014', reason: 'no longer needed' };
    expect(reply(supportRequest(ask, { after: afterLookup }))).toEqual([
      { type: 'tool_use', name: 'lookup_policy', input: { topic: 'cancel an order' } },
      { type: 'tool_use', name: 'cancel_order', input: cancel },
    ]);

    const afterProposal = [
      ...afterLookup,
      ...toolResult('lookup_policy', { topic: 'cancel an order' }, [
        {
          policyIds: ['POL-CANCEL-PENDING'],
          article: 'Cancelling an order',
          section: 'Which orders can be cancelled',
          text: 'You can cancel an order only while its status is Pending (policy POL-CANCEL-PENDING).',
        },
      ]),
      ...toolResult('cancel_order', cancel, { error: 'confirmation_required', message: 'Not done yet: it is now proposed to the customer.' }, true),
    ];
    const statement = reply(supportRequest(ask, { after: afterProposal })) as string;
    expect(statement).toContain("Order #W9000014 hasn't shipped yet, so it can still be cancelled");
    expect(statement).toContain('(policy POL-CANCEL-PENDING)');

    const earlier: RequestMessage[] = [
      { role: 'user', content: ask },
      {
        role: 'assistant',
        content: `${statement.split('\n<answer_meta>')[0]}\n\nTo confirm: shall I cancel order #W9000014 (Rain Jacket)? Please reply yes to go ahead, or no to leave it as it is.`,
      },
    ];
    expect(reply(supportRequest('Yes, please cancel it.', { earlier }))).toEqual([{ type: 'tool_use', name: 'cancel_order', input: cancel }]);
    expect(reply(supportRequest('No, wait.', { earlier }))).not.toEqual(expect.arrayContaining([expect.objectContaining({ name: 'cancel_order' })]));
  });

  it('passes the conversation to a person when the customer asks for one', () => {
    expect(reply(supportRequest('I want to talk to a real person.'))).toEqual([
      { type: 'tool_use', name: 'handoff_to_human', input: { reason: 'The customer asked for a person.' } },
    ]);
  });
});
