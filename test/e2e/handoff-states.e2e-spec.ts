import { ConversationStates, IllegalTransitionError } from '@support/conversation';
import { ChatClient } from '../support/chat.client';
import { RunningGateway, startGateway } from '../support/gateway.harness';

describe('Handoff and conversation states through the web chat', () => {
  let gateway: RunningGateway;
  let states: ConversationStates;

  beforeAll(async () => {
    gateway = await startGateway();
    states = gateway.app.get(ConversationStates);
  }, 120_000);
  afterAll(() => gateway?.close());

  const one = (sql: string, params: unknown[]) => gateway.db.query<any>(sql, params).then((r) => r.rows[0]);
  const handoffCount = (conversationId: string) => one(`SELECT count(*)::int AS n FROM handoffs WHERE conversation_id = $1`, [conversationId]).then((r) => r.n);

  it('records a handoff with its packet, and the conversation waits for a person', async () => {
    const customer = new ChatClient(gateway.url, { email: 'maya.okafor@example.com', name: 'Maya' });
    await customer.say('Do you have a loyalty points programme?');

    const conversation = await one(`SELECT status, waiting_since, assignee FROM conversations WHERE id = $1`, [customer.conversationId]);
    expect(conversation).toMatchObject({ status: 'waiting_for_human', assignee: null });
    expect(conversation.waiting_since).toBeInstanceOf(Date);
    const { packet, summary } = await one(`SELECT packet, summary FROM handoffs WHERE conversation_id = $1`, [customer.conversationId]);
    expect(packet).toMatchObject({
      reason: expect.stringMatching(/no_answer|low_confidence|low_retrieval/),
      summary,
      channel: 'web',
      customer: { name: 'Maya', email: 'maya.okafor@example.com' },
      route: { route: expect.any(String) },
      wants: ['Do you have a loyalty points programme?'],
      did: [],
      promised: [],
      sentiment: { direction: expect.stringMatching(/steady|improving|worsening/) },
      nextStep: expect.stringMatching(/\w/),
    });
  });

  it('still answers a question it can answer while the customer waits, and says the person will follow up', async () => {
    const customer = new ChatClient(gateway.url);
    await customer.say('Do you have a loyalty points programme?');

    const next = await customer.say('What is your return policy?');

    expect(next.reply).toMatch(/30 days/);
    expect(next.reply).toMatch(/earlier request is still with our team/i);
    expect(next.waitingFor).toBe('person');
    expect(next.handoff).toBeNull();
    expect(await handoffCount(customer.conversationId!)).toBe(1);
  });

  it('tells a waiting customer honestly what happens next when it cannot help, without a second handoff', async () => {
    const customer = new ChatClient(gateway.url);
    await customer.say('I want to talk to a person');

    const next = await customer.say('Hello? Anyone there?');

    expect(next.reply).toMatch(/our team has your messages/i);
    expect(next.reply).toMatch(/member of our team will get back to you here in this chat/i);
    expect(await handoffCount(customer.conversationId!)).toBe(1);
  });

  it('answers off-topic chatter with what it can help with, and hands nothing off', async () => {
    const customer = new ChatClient(gateway.url);

    const { reply, handoff } = await customer.say("What's the capital of France?");

    expect(reply).toMatch(/I can help with your orders/);
    expect(reply).not.toMatch(/Paris/);
    expect(handoff).toBeNull();
    expect((await one(`SELECT status FROM conversations WHERE id = $1`, [customer.conversationId])).status).toBe('bot');
    expect(await handoffCount(customer.conversationId!)).toBe(0);
  });

  it('lets one person claim a waiting conversation, refuses a second claim, and keeps the bot silent without an empty bubble', async () => {
    const customer = new ChatClient(gateway.url);
    await customer.say('I want to talk to a person');

    const claimed = await states.claim(customer.conversationId!, 'agent_sam');
    await expect(states.claim(customer.conversationId!, 'agent_kim')).rejects.toThrow(/agent_sam has this conversation/);
    const next = await customer.say('Are you still there?');

    expect(claimed).toMatchObject({ status: 'with_human', assignee: 'agent_sam' });
    expect(next).toMatchObject({ reply: '', waitingFor: 'person' });
    expect((await one(`SELECT status FROM handoffs WHERE conversation_id = $1`, [customer.conversationId])).status).toBe('accepted');
  });

  it('refuses transitions the state does not allow, with a clear error', async () => {
    const customer = new ChatClient(gateway.url);
    await customer.say('What is your return policy?');

    const claim = states.claim(customer.conversationId!, 'agent_sam');
    await expect(claim).rejects.toBeInstanceOf(IllegalTransitionError);
    await expect(states.claim(customer.conversationId!, 'agent_sam')).rejects.toThrow('Cannot claim a conversation that is bot (only when waiting for human).');
    await expect(states.unassign(customer.conversationId!)).rejects.toThrow(/Cannot unassign a conversation that is bot/);
    await expect(states.resolve(customer.conversationId!)).rejects.toThrow(/Cannot resolve a conversation that is bot/);
  });

  it('gives a resolved conversation back to the bot on the next message, which starts from a clean slate', async () => {
    const customer = new ChatClient(gateway.url);
    await customer.say('Do you have a loyalty points programme?');
    await states.claim(customer.conversationId!, 'agent_sam');
    await states.unassign(customer.conversationId!, { by: 'agent_sam' });
    const resolved = await states.resolve(customer.conversationId!);

    const answered = await customer.say('What is your return policy?');
    const askedAgain = await customer.say('Do you have a loyalty points programme?');

    expect(resolved).toMatchObject({ status: 'resolved', assignee: null, resolvedAt: expect.any(Date) });
    expect(answered.reply).toMatch(/30 days/);
    expect(answered.reply).not.toMatch(/earlier request/i);
    expect(answered.waitingFor).toBeNull();
    // Asked before the resolve, so not a repeat of the current topic: a new question, handed off for what it is.
    expect(askedAgain.handoff?.reason).toMatch(/no_answer|low_confidence|low_retrieval/);
    expect((await one(`SELECT status FROM conversations WHERE id = $1`, [customer.conversationId])).status).toBe('waiting_for_human');
  });
});
