import { defaultSupportResponder, FakeAnthropic, MessagesRequest, RecordedRequest, startFakeAnthropic } from '../servers/anthropic';
import { ChatClient } from '../support/chat.client';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { WorkspaceClient } from '../support/workspace.client';

const EMAIL = 'priya.natarajan@example.com';
const DRAFTED = 'You can return it within 30 days of delivery (POL-RETURN-30D). I will send the label to [EMAIL_1].';

const isCopilot = (request: MessagesRequest | undefined) =>
  JSON.stringify(request?.system ?? '').includes('person on a customer support team will read, edit and send');

/** "Draft a reply" with ANTHROPIC_API_KEY set: Claude drafts through the real SDK, from redacted text; on any error, the embedded draft. */
describe('The workspace copilot with Claude', () => {
  let claude: FakeAnthropic;
  let gateway: RunningGateway;
  let person: WorkspaceClient;
  let conversationId: string;

  beforeAll(async () => {
    // The copilot's request gets the draft; every other request (the bot's own turns) the usual support answers.
    claude = await startFakeAnthropic({ responder: (request) => (isCopilot(request) ? { reply: DRAFTED } : defaultSupportResponder(request)) });
    gateway = await startGateway({ ANTHROPIC_API_KEY: 'test', ANTHROPIC_BASE_URL: claude.url, ANTHROPIC_MAX_RETRIES: '0' });
    person = await WorkspaceClient.signUp(gateway, 'sam@example.com');
    const customer = new ChatClient(gateway.url, { name: 'Priya Natarajan' });
    await customer.say('How long do I have to return an item?');
    await customer.say(`You can write to me at ${EMAIL}`);
    const handedOff = await customer.say('I want to talk to a person');
    expect(handedOff.handoff).not.toBeNull();
    conversationId = handedOff.conversationId;
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await claude?.close();
  });
  beforeEach(() => claude.reset());

  const copilotRequests = (): RecordedRequest[] => claude.requests.filter((r) => isCopilot(r.body));

  it("drafts with Claude, the customer's email put back and their first name in the greeting", async () => {
    const draft = await person.call('POST', `conversations/${conversationId}/draft`);
    expect(draft.status).toBe(200);
    expect(draft.body).toEqual({
      text: `Hi Priya,\n\nYou can return it within 30 days of delivery (POL-RETURN-30D). I will send the label to ${EMAIL}.`,
      sources: expect.arrayContaining([expect.objectContaining({ title: expect.stringMatching(/return/i) })]),
      writer: 'claude-sonnet-4-6',
    });
  });

  it('sends Claude the help-center passages and the transcript, with personal data redacted', async () => {
    await person.call('POST', `conversations/${conversationId}/draft`);
    const [request] = copilotRequests();
    const sent = JSON.stringify(request.body!.messages);
    expect(sent).toContain('<help_center>');
    expect(sent).toContain('within 30 days of delivery');
    expect(sent).toContain('Customer: How long do I have to return an item?');
    expect(sent).toContain('Customer: You can write to me at [EMAIL_1]');
    expect(sent).not.toContain(EMAIL);
    expect(sent).not.toContain('Natarajan');
  });

  it('falls back to the embedded draft from the help center when Claude fails', async () => {
    for (const failure of [{ error: { status: 529, type: 'overloaded_error' } }, { reply: '' }]) {
      claude.script(failure);
      const draft = await person.call('POST', `conversations/${conversationId}/draft`);
      expect(draft.status).toBe(200);
      expect(draft.body).toMatchObject({ writer: 'embedded', text: expect.stringMatching(/^Hi Priya,\n\n.*(30 days|POL-RETURN-30D)/s) });
      expect(copilotRequests()).toHaveLength(1);
      claude.reset();
    }
  });
});
