import { AccountInvitations } from '../../apps/gateway/src/workspace/accounts/account-invitations.service';
import { ChatClient } from '../support/chat.client';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { TEST_PASSWORD, WorkspaceClient } from '../support/workspace.client';

const AGENT_TOKEN = 'test-agent-token-0123456789';

/** The workspace API: who may do what, and what happens when two people reach for the same conversation. */
describe('Workspace API', () => {
  let gateway: RunningGateway;
  let admin: WorkspaceClient;
  let ana: WorkspaceClient;
  let ben: WorkspaceClient;

  beforeAll(async () => {
    gateway = await startGateway({ AGENT_API_TOKEN: AGENT_TOKEN });
    admin = await WorkspaceClient.signUp(gateway, 'lead@example.com', 'admin');
    ana = await WorkspaceClient.signUp(gateway, 'ana@example.com');
    ben = await WorkspaceClient.signUp(gateway, 'ben@example.com');
  }, 120_000);
  afterAll(() => gateway?.close());

  async function handoff(text = 'I want to talk to a person'): Promise<string> {
    const customer = new ChatClient(gateway.url, { name: 'Priya Natarajan' });
    const reply = await customer.say(text);
    expect(reply.handoff).not.toBeNull();
    return reply.conversationId;
  }

  it('answers 401 with the JSON error shape to a call without a session', async () => {
    const anonymous = new WorkspaceClient(gateway.url, 'nobody@example.com');
    for (const [method, path] of [
      ['GET', 'inbox'],
      ['GET', 'me'],
      ['POST', 'conversations/conv_00000000000000000000000000000000/claim'],
    ]) {
      const answer = await anonymous.call(method, path);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ message: expect.any(String), errorId: expect.stringMatching(/^err_/) });
    }
  });

  it('redirects the workspace page to sign-in without a session', async () => {
    const page = await fetch(`${gateway.url}/workspace`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/workspace/sign-in');
  });

  it('signs in with the password, with an HttpOnly SameSite=Strict session cookie', async () => {
    const again = new WorkspaceClient(gateway.url, 'ana@example.com');
    const answer = await again.call('POST', 'session', { email: 'ANA@example.com', password: TEST_PASSWORD });
    expect(answer.status).toBe(204);
    const session = answer.headers.getSetCookie().find((c) => c.startsWith('workspace_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(session).toMatch(/Path=\/workspace/);
    expect((await again.call('GET', 'me')).body).toMatchObject({ email: 'ana@example.com', role: 'agent' });
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const stranger = new WorkspaceClient(gateway.url, 'x');
    const wrong = await stranger.call('POST', 'session', { email: 'ana@example.com', password: 'not the password' });
    const unknown = await stranger.call('POST', 'session', { email: 'nobody@example.com', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('locks sign-in for an account after 5 failures, even with the right password then', async () => {
    const person = await WorkspaceClient.signUp(gateway, 'locked@example.com');
    const guesser = new WorkspaceClient(gateway.url, 'guesser');
    const guesses = await Promise.all(
      Array.from({ length: 8 }, () => guesser.call('POST', 'session', { email: 'locked@example.com', password: 'guess guess guess' })),
    );
    expect(guesses.filter((g) => g.status === 401)).toHaveLength(5);
    expect(guesses.filter((g) => g.status === 429)).toHaveLength(3);
    const right = await person.call('POST', 'session', { email: 'locked@example.com', password: TEST_PASSWORD });
    expect(right.status).toBe(429);
    expect(right.body.message).toMatch(/locked/);
  });

  it('locks sign-in from an address after 5 failures, whichever accounts it tries', async () => {
    const guesser = new WorkspaceClient(gateway.url, 'guesser');
    for (const email of ['a1@example.com', 'a2@example.com', 'a3@example.com', 'a4@example.com', 'a5@example.com']) {
      expect((await guesser.call('POST', 'session', { email, password: 'guess guess guess' })).status).toBe(401);
    }
    expect((await guesser.call('POST', 'session', { email: 'ana@example.com', password: TEST_PASSWORD })).status).toBe(429);
    const elsewhere = new WorkspaceClient(gateway.url, 'ana@example.com');
    expect((await elsewhere.call('POST', 'session', { email: 'ana@example.com', password: TEST_PASSWORD })).status).toBe(204);
  });

  it('uses a sign-in link once only', async () => {
    const { signInLink } = await gateway.app.get(AccountInvitations).add('once@example.com', 'agent');
    const token = new URL(signInLink).hash.replace('#token=', '');
    const first = new WorkspaceClient(gateway.url, 'once@example.com');
    expect((await first.call('POST', 'password', { token, password: TEST_PASSWORD })).status).toBe(204);
    const second = await new WorkspaceClient(gateway.url, 'x').call('POST', 'password', { token, password: 'another password 123' });
    expect(second.status).toBe(401);
  });

  it('refuses a change without the CSRF token, with a wrong one, or from another site', async () => {
    const conversationId = await handoff();
    expect((await ana.call('POST', `conversations/${conversationId}/claim`, undefined, { csrf: null })).status).toBe(403);
    expect((await ana.call('POST', `conversations/${conversationId}/claim`, undefined, { csrf: 'A'.repeat(43) })).status).toBe(403);
    expect((await ana.call('POST', `conversations/${conversationId}/claim`, undefined, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await ana.call('POST', 'session', { email: 'ana@example.com', password: TEST_PASSWORD }, { origin: 'https://evil.example' })).status).toBe(403);
    const view = await ana.call('GET', `conversations/${conversationId}`);
    expect(view.body.conversation.status).toBe('waiting_for_human');
  });

  it('lets only an admin add people; everyone may list the team', async () => {
    expect((await ana.call('POST', 'accounts', { email: 'new@example.com' })).status).toBe(403);
    const added = await admin.call('POST', 'accounts', { email: 'new@example.com', role: 'agent' });
    expect(added.status).toBe(201);
    expect(added.body.signInLink).toMatch(/\/workspace\/welcome#token=/);
    const team = await ana.call('GET', 'accounts');
    expect(team.body.map((a: { email: string }) => a.email)).toEqual(expect.arrayContaining(['ana@example.com', 'new@example.com']));
  });

  it('gives a conversation to exactly one of two people claiming it at once; the other is told who has it', async () => {
    for (let round = 0; round < 5; round++) {
      const conversationId = await handoff();
      const [a, b] = await Promise.all([ana.call('POST', `conversations/${conversationId}/claim`), ben.call('POST', `conversations/${conversationId}/claim`)]);
      expect([a.status, b.status].sort()).toEqual([204, 409]);
      const loser = a.status === 409 ? a : b;
      const winner = a.status === 204 ? 'ana@example.com' : 'ben@example.com';
      expect(loser.body.message).toBe(`${winner} has already taken this conversation.`);
      expect((await ana.call('GET', `conversations/${conversationId}`)).body.assignee.email).toBe(winner);
    }
  });

  it("refuses to let an agent claim, reassign, unassign or resolve someone else's conversation; an admin may reassign it", async () => {
    const conversationId = await handoff();
    expect((await ana.call('POST', `conversations/${conversationId}/claim`)).status).toBe(204);
    const benAccount = (await ben.call('GET', 'me')).body;
    for (const [action, body] of [['claim'], ['unassign'], ['resolve'], ['reassign', { accountId: benAccount.id }]] as const) {
      const answer = await ben.call('POST', `conversations/${conversationId}/${action}`, body);
      expect(answer.status).toBe(409);
      expect(answer.body.message).toMatch(/ana@example.com has already taken/);
    }
    expect((await ben.call('POST', `conversations/${conversationId}/replies`, { text: 'Hello!' })).status).toBe(409);
    expect((await admin.call('POST', `conversations/${conversationId}/reassign`, { accountId: benAccount.id })).status).toBe(204);
    expect((await ben.call('GET', `conversations/${conversationId}`)).body.assignee.email).toBe('ben@example.com');
  });

  it('lists waiting conversations oldest first, filtered by channel, reason, mine and unassigned', async () => {
    const first = await handoff();
    const second = await handoff();
    const all = (await ana.call('GET', 'inbox')).body.items.map((i: { conversationId: string }) => i.conversationId);
    expect(all.indexOf(first)).toBeLessThan(all.indexOf(second));
    expect((await ana.call('POST', `conversations/${second}/claim`)).status).toBe(204);
    const mine = (await ana.call('GET', 'inbox?assignee=me')).body.items.map((i: { conversationId: string }) => i.conversationId);
    const unassigned = (await ana.call('GET', 'inbox?assignee=nobody')).body.items.map((i: { conversationId: string }) => i.conversationId);
    expect(mine).toContain(second);
    expect(mine).not.toContain(first);
    expect(unassigned).toContain(first);
    expect(unassigned).not.toContain(second);
    expect((await ana.call('GET', 'inbox?channel=sms')).body.items).toEqual([]);
    const byReason = (await ana.call('GET', 'inbox?reason=customer_request')).body;
    expect(byReason.reasons).toContain('customer_request');
    expect(byReason.items.find((i: { conversationId: string }) => i.conversationId === first)).toMatchObject({
      channel: 'web',
      reason: 'customer_request',
      customer: 'Priya Natarajan',
      sentiment: { label: expect.stringMatching(/negative|neutral|positive/) },
      summaryLine: expect.stringContaining('talk to a person'),
      status: 'waiting_for_human',
      assignee: null,
    });
  });

  it('keeps internal notes out of what the customer sees', async () => {
    const customer = new ChatClient(gateway.url);
    const { conversationId } = await customer.say('I want to talk to a person');
    expect((await ana.call('POST', `conversations/${conversationId}/notes`, { text: 'VIP customer, be quick' })).status).toBe(204);
    const view = (await ana.call('GET', `conversations/${conversationId}`)).body;
    expect(view.timeline.at(-1)).toMatchObject({ type: 'note', author: 'ana@example.com', text: 'VIP customer, be quick' });
    const history = await fetch(`${gateway.url}/api/chat/${conversationId}/messages`, { headers: customer.sessionHeaders() });
    expect(JSON.stringify(await history.json())).not.toContain('VIP customer');
  });

  it('shows what the bot did on each turn and the handoff summary', async () => {
    const customer = new ChatClient(gateway.url);
    await customer.say('What is your return policy?');
    await customer.say('I want to talk to a person');
    const view = (await ana.call('GET', `conversations/${customer.conversationId}`)).body;
    expect(view.handoff).toMatchObject({ reason: 'customer_request', summary: expect.stringContaining('Why handed off') });
    const botTurns = view.timeline.filter((e: { botTurn: unknown }) => e.botTurn).map((e: { botTurn: unknown }) => e.botTurn);
    expect(botTurns[0]).toMatchObject({
      gate: { decision: 'reply' },
      passages: expect.arrayContaining([expect.objectContaining({ score: expect.any(Number) })]),
    });
    expect(botTurns.at(-1)).toMatchObject({ gate: { decision: 'handoff', reason: 'customer_request' } });
  });

  it("lists a verified customer's orders in the customer panel, with status, items and total", async () => {
    const customer = new ChatClient(gateway.url);
    await customer.say('Where is my order #W9000010? My email is priya.natarajan@example.com');
    await customer.say('I want to talk to a person');
    const { customer: panel } = (await ana.call('GET', `conversations/${customer.conversationId}`)).body;
    expect(panel.verifiedShopUserId).toBe('priya_natarajan_5192');
    expect(panel.orders).toEqual({
      verified: true,
      shopUserId: 'priya_natarajan_5192',
      orders: [
        {
          id: '#W9000010',
          status: 'processed',
          items: [
            { name: 'Voltra Solar Power Bank', options: 'black, 20000mAh', price: 69.99 },
            { name: 'Summit Insulated Water Bottle', options: 'slate, 750ml', price: 34.95 },
          ],
          total: 104.94,
        },
        expect.objectContaining({ id: '#W9000015', status: 'pending', total: 84.9 }),
      ],
    });
  });

  it('lists no orders for a customer the conversation has not verified', async () => {
    const conversationId = await handoff();
    const { customer: panel } = (await ana.call('GET', `conversations/${conversationId}`)).body;
    expect(panel.orders).toEqual({ verified: false });
  });

  it('lets only an admin add and delete saved replies, with the CSRF token; everyone may list them', async () => {
    const reply = { title: 'Returns label', text: 'I have emailed you a prepaid return label.' };
    expect((await ana.call('POST', 'saved-replies', reply)).status).toBe(403);
    expect((await admin.call('POST', 'saved-replies', reply, { csrf: null })).status).toBe(403);
    expect((await admin.call('POST', 'saved-replies', { title: ' ', text: 'x' })).status).toBe(400);
    const added = await admin.call('POST', 'saved-replies', reply);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ id: expect.stringMatching(/^reply_/), ...reply });
    expect((await ana.call('GET', 'saved-replies')).body).toEqual([expect.objectContaining(reply)]);
    expect((await ana.call('DELETE', `saved-replies/${added.body.id}`)).status).toBe(403);
    expect((await admin.call('DELETE', `saved-replies/${added.body.id}`, undefined, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await admin.call('DELETE', `saved-replies/${added.body.id}`)).status).toBe(204);
    expect((await admin.call('DELETE', `saved-replies/${added.body.id}`)).status).toBe(404);
    expect((await ana.call('GET', 'saved-replies')).body).toEqual([]);
    expect((await new WorkspaceClient(gateway.url, 'x').call('GET', 'saved-replies')).status).toBe(401);
  });

  it('ends the session on sign-out', async () => {
    const person = await WorkspaceClient.signUp(gateway, 'leaving@example.com');
    const cookie = person.cookieHeader;
    expect((await person.call('DELETE', 'session')).status).toBe(204);
    const replayed = await fetch(`${gateway.url}/workspace/api/me`, { headers: { Cookie: cookie } });
    expect(replayed.status).toBe(401);
  });

  it('keeps the bearer-token agent API working for integrations', async () => {
    const conversationId = await handoff();
    const view = await fetch(`${gateway.url}/api/agents/conversations/${conversationId}`, { headers: { Authorization: `Bearer ${AGENT_TOKEN}` } });
    expect(view.status).toBe(200);
  });
});
