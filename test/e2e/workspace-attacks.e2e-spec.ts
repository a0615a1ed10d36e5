import { randomBytes } from 'node:crypto';
import { Browser } from 'playwright-core';
import twilio from 'twilio';
import { TAKE_HOLD_MS } from '../../apps/gateway/src/twilio-voice/voice-call-taking.service';
import { VoiceTransferRepository } from '../../apps/gateway/src/twilio-voice/voice-transfer.repository';
import { AccountInvitations } from '../../apps/gateway/src/workspace/accounts/account-invitations.service';
import { ConversationHandling } from '../../apps/gateway/src/workspace/handling/conversation-handling.service';
import { launchChromium } from '../support/browser';
import { ChatClient } from '../support/chat.client';
import { eventually } from '../support/eventually';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { createServerDatabase, ServerDatabase } from '../support/server-database';
import { TEST_PASSWORD, WorkspaceClient } from '../support/workspace.client';
import { SimulatedCaller } from '../servers/twilio-voice';
import { PUBLIC_BASE_URL, startVoiceRig, TEST_AUTH_TOKEN, VoiceRig } from '../servers/twilio-voice/voice-gateway.harness';

const tokenOf = (signInLink: string) => new URL(signInLink).hash.replace('#token=', '');

/** The workspace as a stranger, a curious colleague, another site and a hostile customer try it. */
describe('Workspace attacks', () => {
  let gateway: RunningGateway;
  let ana: WorkspaceClient;

  beforeAll(async () => {
    gateway = await startGateway();
    await WorkspaceClient.signUp(gateway, 'lead@example.com', 'admin');
    ana = await WorkspaceClient.signUp(gateway, 'ana@example.com');
  }, 120_000);
  afterAll(() => gateway?.close());

  it('lets an older sign-in link go dead once a newer one is issued for the account', async () => {
    const invitations = gateway.app.get(AccountInvitations);
    const leaked = tokenOf((await invitations.add('rosa@example.com', 'agent')).signInLink);
    const fresh = tokenOf((await invitations.reissue('rosa@example.com')).signInLink);
    const attacker = new WorkspaceClient(gateway.url, 'attacker');
    expect((await attacker.call('POST', 'password', { token: leaked, password: 'attacker password 1' })).status).toBe(401);
    expect((await attacker.call('GET', 'me')).status).toBe(401);
    expect((await new WorkspaceClient(gateway.url, 'rosa@example.com').call('POST', 'password', { token: fresh, password: TEST_PASSWORD })).status).toBe(204);
  });

  it('lets no other sign-in link of the account set its password again once one has been used', async () => {
    const invitations = gateway.app.get(AccountInvitations);
    const first = await invitations.add('sol@example.com', 'agent');
    // Links issued at the same moment (two admins at once) are all that can be live together.
    const raced = await Promise.all([invitations.reissue('sol@example.com'), invitations.reissue('sol@example.com')]);
    const answers: number[] = [];
    for (const { signInLink } of [first, ...raced]) {
      answers.push((await new WorkspaceClient(gateway.url, 'x').call('POST', 'password', { token: tokenOf(signInLink), password: TEST_PASSWORD })).status);
    }
    expect(answers.filter((status) => status === 204)).toHaveLength(1);
  });

  it('locks sign-in from an IPv6 network after 5 failures, whichever address of its /64 each guess comes from', async () => {
    for (let i = 1; i <= 5; i++) {
      const guesser = new WorkspaceClient(gateway.url, 'guesser', `2001:db8:77:1::${i}`);
      expect((await guesser.call('POST', 'session', { email: `v6-${i}@example.com`, password: 'guess guess guess' })).status).toBe(401);
    }
    const sameNetwork = new WorkspaceClient(gateway.url, 'ana@example.com', '2001:db8:77:1:ffff:ffff:ffff:fffe');
    expect((await sameNetwork.call('POST', 'session', { email: 'ana@example.com', password: TEST_PASSWORD })).status).toBe(429);
    const elsewhere = new WorkspaceClient(gateway.url, 'ana@example.com', '2001:db8:78:1::1');
    expect((await elsewhere.call('POST', 'session', { email: 'ana@example.com', password: TEST_PASSWORD })).status).toBe(204);
  });

  it('gives an agent no sign-in link for a colleague (admins only), so no one takes over another account', async () => {
    const answer = await ana.call('POST', 'accounts/sign-in-links', { email: 'lead@example.com' });
    expect(answer.status).toBe(403);
    expect(JSON.stringify(answer.body)).not.toContain('token=');
  });

  it('refuses a sign-in posted by a cross-site form, and the live inbox to a browser without a session', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const posted = await fetch(`${gateway.url}/workspace/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': type, Origin: 'https://evil.example' },
        body: type === 'text/plain' ? JSON.stringify({ email: 'ana@example.com', password: TEST_PASSWORD }) : `email=ana%40example.com&password=x`,
      });
      expect(posted.status).toBe(415);
      expect(posted.headers.getSetCookie()).toEqual([]);
    }
    const events = await fetch(`${gateway.url}/workspace/api/inbox/events`, { headers: { Origin: 'https://evil.example', Accept: 'text/event-stream' } });
    expect(events.status).toBe(401);
    expect(events.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('ends an open live inbox when its person signs out', async () => {
    const person = await WorkspaceClient.signUp(gateway, 'stream@example.com');
    const stream = await fetch(`${gateway.url}/workspace/api/inbox/events`, { headers: { Cookie: person.cookieHeader } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    await reader.read(); // the first `inbox` event
    expect((await person.call('DELETE', 'session')).status).toBe(204);
    const ended = await Promise.race([
      (async () => {
        for (;;) if ((await reader.read()).done) return true;
      })(),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 3000)),
    ]);
    expect(ended).toBe(true);
  });

  describe('a customer who writes HTML', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(() => browser?.close());

    it('shows their name, email and message as text in the inbox and the conversation, running nothing', async () => {
      const name = '<img src=x onerror="document.body.dataset.pwned=1">Eve';
      const customer = new ChatClient(gateway.url, { name, email: 'eve"><script>document.body.dataset.pwned=2</script>@example.com' });
      await customer.say('<script>document.body.dataset.pwned=3</script> I want to talk to a person');
      const page = await (await browser.newContext()).newPage();
      await page.goto(`${gateway.url}/workspace/sign-in`);
      await page.fill('#email', 'ana@example.com');
      await page.fill('#password', TEST_PASSWORD);
      await page.keyboard.press('Enter');
      const item = page.locator(`#inbox-list li[data-conversation-id="${customer.conversationId}"]`);
      await item.waitFor();
      expect(await item.textContent()).toContain(name);
      await item.locator('a').click();
      await page.locator(`#conversation[data-conversation-id="${customer.conversationId}"]`).waitFor();
      expect(await page.textContent('#conversation')).toContain('<script>document.body.dataset.pwned=3</script>');
      expect(await page.locator('#inbox-list img, #conversation img, #conversation script').count()).toBe(0);
      expect(await page.evaluate(() => document.body.dataset.pwned ?? null)).toBeNull();
      await page.context().close();
    }, 60_000);
  });
});

const OUR_NUMBER = '+15005550006';
const ANA_PHONE = '+15005550301';
const BEN_PHONE = '+15005550302';

/** The webhooks and the REST calls behind "Take call", forged, replayed, and cut short by a crash. */
describe('Call-taking attacks', () => {
  let database: ServerDatabase;
  let rig: VoiceRig;
  let ana: WorkspaceClient;
  let ben: WorkspaceClient;

  beforeAll(async () => {
    database = await createServerDatabase();
    rig = await startVoiceRig({ DATABASE_URL: database.url, TWILIO_VOICE_FROM: OUR_NUMBER });
    rig.twilio.webhooksTo(rig.gateway.url, PUBLIC_BASE_URL);
    [ana, ben] = await Promise.all(['ana', 'ben'].map((name) => WorkspaceClient.signUp(rig.gateway, `${name}@example.com`)));
    expect((await ana.call('PUT', 'me/phone', { phone: ANA_PHONE })).status).toBe(200);
    expect((await ben.call('PUT', 'me/phone', { phone: BEN_PHONE })).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
    await database?.drop();
  });

  const rows = (sql: string, params: unknown[] = []) => rig.gateway.db.query<any>(sql, params).then((r) => r.rows);

  async function callerInQueue(from: string): Promise<{ caller: SimulatedCaller; conversationId: string }> {
    const speech = rig.speech('I want to talk to a person');
    const caller = rig.caller(from);
    await caller.call();
    await caller.waitForBotToFinish(0);
    await caller.say(speech);
    await caller.closed;
    await rig.twilio.settled();
    const [transfer] = await eventually(async () => {
      const found = await rows(`SELECT * FROM voice_transfers WHERE call_sid = $1 AND status = 'waiting'`, [caller.callSid]);
      return found.length ? found : null;
    });
    return { caller, conversationId: transfer.conversation_id };
  }

  async function inboxItem(person: WorkspaceClient, conversationId: string) {
    const { body } = await person.call('GET', 'inbox');
    return body.items.find((item: any) => item.conversationId === conversationId);
  }

  const placedCallTo = (phone: string) => [...rig.twilio.placedCalls.values()].filter((call) => call.to === phone).at(-1);

  /** A POST to a public webhook URL as Twilio (or someone pretending to be Twilio) makes it. */
  function webhook(url: string, params: Record<string, string>, signingKey = TEST_AUTH_TOKEN): Promise<Response> {
    return fetch(url.replace(PUBLIC_BASE_URL, rig.gateway.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilio.getExpectedTwilioSignature(signingKey, url, params) },
      body: new URLSearchParams(params).toString(),
    });
  }

  it('refuses forged answer and status webhooks, and a replayed "no-answer" after the call connected changes nothing', async () => {
    const { caller, conversationId } = await callerInQueue('+15005550081');
    const dequeued = () => rig.twilio.requests.some((r) => r.path.includes('/Members/') && r.callSid === caller.callSid);
    const taken = await ana.call('POST', `conversations/${conversationId}/take-call`);
    expect(taken.status).toBe(202);
    const dial = placedCallTo(ANA_PHONE)!;
    const leg = { CallSid: dial.sid, AccountSid: `AC${'0'.repeat(32)}`, From: OUR_NUMBER, To: ANA_PHONE, Direction: 'outbound-api' };

    expect((await webhook(dial.url, { ...leg, CallSid: `CA${'f'.repeat(32)}`, CallStatus: 'in-progress' }, 'not-the-auth-token')).status).toBe(403);
    expect((await webhook(`${dial.statusCallback}`, { ...leg, CallStatus: 'no-answer' }, 'not-the-auth-token')).status).toBe(403);
    expect((await webhook(`${PUBLIC_BASE_URL}/twilio/voice/take/${randomBytes(16).toString('hex')}`, { ...leg, CallStatus: 'in-progress' })).status).toBe(200);
    expect(dequeued()).toBe(false);
    expect(await inboxItem(ben, conversationId)).toMatchObject({ assignee: { email: 'ana@example.com' }, call: { state: 'ringing' } });

    await rig.twilio.answer(dial.sid);
    expect((await webhook(dial.statusCallback!, { ...leg, CallStatus: 'no-answer' })).status).toBe(200);
    expect(dequeued()).toBe(true);
    expect(await inboxItem(ben, conversationId)).toMatchObject({ status: 'with_human', assignee: { email: 'ana@example.com' }, call: { state: 'connected' } });
  }, 90_000);

  it('rings only the phone on the account, whatever number the request or a colleague names', async () => {
    const { caller, conversationId } = await callerInQueue('+15005550082');
    const anaId = (await ana.call('GET', 'me')).body.id;
    expect((await ben.call('PUT', 'me/phone', { phone: '+19005550199', accountId: anaId, id: anaId })).status).toBe(200);
    const taken = await ana.call('POST', `conversations/${conversationId}/take-call`, { phone: '+19005550199', to: '+19005550199' });
    expect(taken.status).toBe(202);
    expect(placedCallTo('+19005550199')).toBeUndefined();
    expect(rig.twilio.placedCalls.get(taken.body.agentCallSid)?.to).toBe(ANA_PHONE);
    expect((await ben.call('PUT', 'me/phone', { phone: BEN_PHONE })).status).toBe(200);
    await rig.twilio.endUnanswered(taken.body.agentCallSid, 'no-answer');
    await rig.twilio.callerHangsUp(caller.callSid);
  }, 90_000);

  it('lets the person take the call again after the gateway died between holding it for them and ringing their phone', async () => {
    const { caller, conversationId } = await callerInQueue('+15005550083');
    const anaAccount = (await ana.call('GET', 'me')).body;
    // What a gateway killed (-9) right after the claim and the hold, before the Calls API request, leaves behind.
    await rig.gateway.app.get(ConversationHandling).claim(conversationId, anaAccount);
    await rig.gateway.app.get(VoiceTransferRepository).reserveForTake(caller.callSid, randomBytes(16).toString('hex'), anaAccount.id, TAKE_HOLD_MS);
    // Long after any phone could still be ringing for that hold.
    await rows(`UPDATE voice_transfers SET take_reserved_at = now() - interval '10 minutes' WHERE call_sid = $1`, [caller.callSid]);

    const again = await ana.call('POST', `conversations/${conversationId}/take-call`);
    expect(again.status).toBe(202);
    expect(placedCallTo(ANA_PHONE)?.sid).toBe(again.body.agentCallSid);
    const whisper = await rig.twilio.answer(again.body.agentCallSid);
    expect(whisper).toContain(`take-${caller.callSid}`);
    expect(await inboxItem(ben, conversationId)).toMatchObject({ assignee: { email: 'ana@example.com' }, call: { state: 'connected' } });
  }, 90_000);

  it("puts the call back to waiting when the person's phone picked up but never reached the caller (the answer webhook failed)", async () => {
    const { caller, conversationId } = await callerInQueue('+15005550084');
    const taken = await ben.call('POST', `conversations/${conversationId}/take-call`);
    expect(taken.status).toBe(202);
    const dial = placedCallTo(BEN_PHONE)!;
    // Twilio could not fetch the answer TwiML (a gateway down), played its error and hung up: the call completed.
    const leg = { CallSid: dial.sid, AccountSid: `AC${'0'.repeat(32)}`, From: OUR_NUMBER, To: BEN_PHONE, Direction: 'outbound-api' };
    expect((await webhook(dial.statusCallback!, { ...leg, CallStatus: 'completed', CallDuration: '4' })).status).toBe(200);

    expect(await inboxItem(ana, conversationId)).toMatchObject({ status: 'waiting_for_human', assignee: null, call: { state: 'waiting' } });
    const again = await ana.call('POST', `conversations/${conversationId}/take-call`);
    expect(again.status).toBe(202);
    await rig.twilio.endUnanswered(again.body.agentCallSid, 'busy');
    await rig.twilio.callerHangsUp(caller.callSid);
  }, 90_000);
});
