import { defaultSupportResponder, FakeAnthropic, MessagesRequest, startFakeAnthropic } from '../servers/anthropic';
import { ChatClient } from '../support/chat.client';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { WorkspaceClient } from '../support/workspace.client';

const EMAIL = 'priya.natarajan@example.com';
const PROVED = `Where is my order #W9000010? My email is ${EMAIL}`;

const isCopilot = (request: MessagesRequest | undefined) =>
  JSON.stringify(request?.system ?? '').includes('person on a customer support team will read, edit and send');

/**
 * Priya proves order #W9000010 is hers, asks for a person, and asks again where her order is; Sam, who took the
 * conversation, asks for a draft. Another customer names the same order without proving anything.
 */
async function handedOffCustomers(gateway: RunningGateway, sam: WorkspaceClient) {
  const priya = new ChatClient(gateway.url, { name: 'Priya Natarajan' });
  await priya.say(PROVED);
  expect((await priya.say('I want to talk to a person')).handoff).not.toBeNull();
  expect((await sam.call('POST', `conversations/${priya.conversationId}/claim`)).status).toBe(204);
  expect(await priya.say('where is my order?')).toMatchObject({ reply: '', waitingFor: 'person' });

  const stranger = new ChatClient(gateway.url, { name: 'Pat' });
  await stranger.say('Where is my order #W9000010?');
  expect((await stranger.say('I want to talk to a person')).handoff).not.toBeNull();
  await stranger.say('where is my order?');
  return { proved: priya.conversationId!, provedNothing: stranger.conversationId! };
}

describe('The copilot drafts from the verified customer’s orders (embedded drafter)', () => {
  let gateway: RunningGateway;
  let sam: WorkspaceClient;
  let conversations: { proved: string; provedNothing: string };

  beforeAll(async () => {
    gateway = await startGateway();
    sam = await WorkspaceClient.signUp(gateway, 'sam@example.com');
    conversations = await handedOffCustomers(gateway, sam);
  }, 120_000);
  afterAll(() => gateway?.close());

  it('names the status and the package of the order the customer proved is theirs', async () => {
    const draft = await sam.call('POST', `conversations/${conversations.proved}/draft`);

    expect(draft.status).toBe(200);
    expect(draft.body.writer).toBe('embedded');
    expect(draft.body.text).toMatch(/^Hi Priya,\n\n/);
    expect(draft.body.text).toMatch(/Order #W9000010 \(.+\) is processed\./);
    expect(draft.body.text).toMatch(/USPS/);
  });

  it('gives no order details to a customer who proved nothing, and asks for the proof instead', async () => {
    const draft = await sam.call('POST', `conversations/${conversations.provedNothing}/draft`);

    expect(draft.status).toBe(200);
    expect(draft.body.text).not.toMatch(/processed|USPS|tracking|estimated delivery/i);
    expect(draft.body.text).toMatch(/order number and the email address or ZIP code/);
  });
});

describe('The copilot drafts from the verified customer’s orders (Claude drafter)', () => {
  let claude: FakeAnthropic;
  let gateway: RunningGateway;
  let sam: WorkspaceClient;
  let conversations: { proved: string; provedNothing: string };

  /** The fake Claude drafts from what it was sent: the status of the order in <orders>, if there is one. */
  const copilotResponder = (request: MessagesRequest) => {
    const sent = JSON.stringify(request.messages);
    const status = /\\"status\\": \\"(\w+)\\"/.exec(sent)?.[1];
    return { reply: status ? `Your order #W9000010 is ${status}; I will write to [EMAIL_1] when it moves.` : 'Could you send me the order number?' };
  };

  /** The bot's model looks the order up with the details Priya wrote (redacted on the way, put back by the agent). */
  const botResponder = (request: MessagesRequest) => {
    const asked = JSON.stringify(request.messages);
    const looksUp = asked.includes('#W9000010') && asked.includes('[EMAIL_1]') && !asked.includes('tool_result');
    return looksUp
      ? { reply: [{ type: 'tool_use' as const, name: 'lookup_order', input: { order_id: '#W9000010', email: '[EMAIL_1]' } }] }
      : defaultSupportResponder(request);
  };

  beforeAll(async () => {
    claude = await startFakeAnthropic({ responder: (request) => (isCopilot(request) ? copilotResponder(request) : botResponder(request)) });
    gateway = await startGateway({ ANTHROPIC_API_KEY: 'test', ANTHROPIC_BASE_URL: claude.url, ANTHROPIC_MAX_RETRIES: '0' });
    sam = await WorkspaceClient.signUp(gateway, 'sam@example.com');
    conversations = await handedOffCustomers(gateway, sam);
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await claude?.close();
  });
  beforeEach(() => claude.reset());

  const copilotRequest = () => claude.requests.filter((r) => isCopilot(r.body)).at(-1)!;

  it("sends Claude the proved order's status and packages with personal data redacted, and drafts from them", async () => {
    const draft = await sam.call('POST', `conversations/${conversations.proved}/draft`);

    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({
      writer: 'claude-sonnet-4-6',
      text: `Hi Priya,\n\nYour order #W9000010 is processed; I will write to ${EMAIL} when it moves.`,
    });
    const sent = JSON.stringify(copilotRequest().body!.messages);
    expect(/<orders>(.*)<\/orders>/s.exec(sent)?.[1]).toMatch(/#W9000010.*processed.*USPS/s);
    expect(sent).toContain('<help_center>');
    expect(sent).toContain('Customer: where is my order?');
    expect(sent).not.toContain(EMAIL);
    expect(sent).not.toContain('Natarajan');
  });

  it('tells Claude a customer who proved nothing gets no order details, and sends none', async () => {
    const draft = await sam.call('POST', `conversations/${conversations.provedNothing}/draft`);

    expect(draft.body.text).not.toMatch(/processed|USPS/i);
    const sent = JSON.stringify(copilotRequest().body!.messages);
    expect(sent).toMatch(/<orders>\\n\(the customer has not proved who they are/);
    expect(sent).not.toMatch(/processed|USPS/);
  });
});
