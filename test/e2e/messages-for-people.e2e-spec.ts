import { ConversationIntake, ConversationStates, ReceivedMessage } from '@support/conversation';
import { TurnDispatcher } from '../../apps/gateway/src/conversations/turn-dispatcher.service';
import { ChatClient, getJson } from '../support/chat.client';
import { RunningGateway, startGateway } from '../support/gateway.harness';

const FOR_THE_PERSON = 'The parcel arrived with a cracked screen, what now?';

/**
 * What a customer writes while a person has the conversation is for that person: the bot never answers it, not when
 * the person gives the conversation back to the queue, not when it is resolved, and not when its turn is picked up late
 * (a queue backlog, or the SMS inbox resuming messages a crashed process left).
 */
describe('Messages a customer sends while a person has the conversation', () => {
  let gateway: RunningGateway;
  let states: ConversationStates;

  beforeAll(async () => {
    gateway = await startGateway();
    states = gateway.app.get(ConversationStates);
  }, 120_000);
  afterAll(() => gateway?.close());

  /** What the customer sees in the chat page: their messages and every reply, in order. */
  const transcript = async (customer: ChatClient) => {
    const { status, body } = await getJson(`${gateway.url}/api/chat/${customer.conversationId}/messages`, customer.sessionHeaders());
    expect(status).toBe(200);
    return (body.messages as Array<{ author: string; text: string }>).map((m) => `${m.author}: ${m.text}`);
  };
  const status = (conversationId: string) =>
    gateway.db.query<any>(`SELECT status FROM conversations WHERE id = $1`, [conversationId]).then((r) => r.rows[0].status);

  /** A customer handed off and taken by Sam. */
  const withSam = async () => {
    const customer = new ChatClient(gateway.url);
    await customer.say('I want to talk to a person');
    await states.claim(customer.conversationId!, 'agent_sam');
    return customer;
  };

  /** Stored while a person has the conversation, its turn not yet taken: what a backlog or a crashed process leaves behind. */
  const storedNotYetAnswered = (customer: ChatClient, text: string): Promise<ReceivedMessage> =>
    gateway.app.get(ConversationIntake).receive({
      channel: 'web',
      from: { kind: 'web_session', address: customer.conversationId!, verified: false },
      conversationId: customer.conversationId,
      sessionToken: customer.sessionToken,
      text,
    });

  it('keeps it for people after the person unassigns: the next message gets the waiting answer, the earlier one no bot reply', async () => {
    const customer = await withSam();
    const silent = await customer.say(FOR_THE_PERSON);
    await states.unassign(customer.conversationId!, { by: 'agent_sam' });

    const next = await customer.say('What is your return policy?');

    expect(silent).toMatchObject({ reply: '', waitingFor: 'person' });
    expect(next.reply).toMatch(/30 days/);
    expect(next.reply).toMatch(/earlier request is still with our team/i);
    expect(next.reply).not.toMatch(/crack|screen/i);
    const seen = await transcript(customer);
    expect(seen.slice(2)).toEqual([`customer: ${FOR_THE_PERSON}`, 'customer: What is your return policy?', expect.stringMatching(/^bot: .*30 days/s)]);
    expect(await status(customer.conversationId!)).toBe('waiting_for_human');
  });

  it('never answers it when its turn is only taken after the person unassigned', async () => {
    const customer = await withSam();
    const received = await storedNotYetAnswered(customer, FOR_THE_PERSON);
    await states.unassign(customer.conversationId!, { by: 'agent_sam' });

    const late = await gateway.app.get(TurnDispatcher).answer(received);

    expect(late).toMatchObject({ text: '', replyMessageId: null, waitingFor: 'person' });
    expect((await transcript(customer)).filter((line) => line.startsWith('bot:'))).toHaveLength(1);
    expect(await status(customer.conversationId!)).toBe('waiting_for_human');
  });

  it('never answers it, nor reopens the conversation, when its turn is only taken after the person resolved it', async () => {
    const customer = await withSam();
    const received = await storedNotYetAnswered(customer, FOR_THE_PERSON);
    await states.resolve(customer.conversationId!);

    const late = await gateway.app.get(TurnDispatcher).answer(received);
    const next = await customer.say('What is your return policy?');

    expect(late).toMatchObject({ text: '', replyMessageId: null });
    expect(await transcript(customer)).toEqual([
      'customer: I want to talk to a person',
      expect.stringMatching(/^bot: /),
      `customer: ${FOR_THE_PERSON}`,
      'customer: What is your return policy?',
      expect.stringMatching(/^bot: .*30 days/s),
    ]);
    expect(next.reply).not.toMatch(/earlier request/i);
  });

  it('answers the same message again with silence when a channel redelivers it', async () => {
    const customer = await withSam();
    const received = await storedNotYetAnswered(customer, FOR_THE_PERSON);
    const dispatcher = gateway.app.get(TurnDispatcher);

    const first = await dispatcher.answer(received);
    await states.unassign(customer.conversationId!, { by: 'agent_sam' });
    const again = await dispatcher.answer(received);

    expect(first).toMatchObject({ text: '', waitingFor: 'person' });
    expect(again).toMatchObject({ text: '', replyMessageId: null });
    expect((await transcript(customer)).filter((line) => line.startsWith('bot:'))).toHaveLength(1);
  });
});
