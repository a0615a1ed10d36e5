import twilio from 'twilio';
import { ChatClient } from '../support/chat.client';
import { eventually } from '../support/eventually';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { createServerDatabase, ServerDatabase } from '../support/server-database';
import { WorkspaceClient } from '../support/workspace.client';
import { PUBLIC_BASE_URL, startVoiceRig, TEST_AUTH_TOKEN, VoiceRig } from '../servers/twilio-voice/voice-gateway.harness';
import { SimulatedCaller } from '../servers/twilio-voice';

const OUR_NUMBER = '+15005550006';
const ANA_PHONE = '+15005550201';
const BEN_PHONE = '+15005550202';

/**
 * Taking a call waiting in the Twilio queue from the workspace, against the local Twilio (queues, Member dequeue,
 * placed calls, conferences) driven by the real `twilio` SDK, on a PostgreSQL server so claims really race.
 */
describe('Taking a queued call from the workspace', () => {
  let database: ServerDatabase;
  let rig: VoiceRig;
  let ana: WorkspaceClient;
  let ben: WorkspaceClient;
  let cy: WorkspaceClient;

  beforeAll(async () => {
    database = await createServerDatabase();
    rig = await startVoiceRig({ DATABASE_URL: database.url, TWILIO_VOICE_FROM: OUR_NUMBER });
    rig.twilio.webhooksTo(rig.gateway.url, PUBLIC_BASE_URL);
    [ana, ben, cy] = await Promise.all(['ana', 'ben', 'cy'].map((name) => WorkspaceClient.signUp(rig.gateway, `${name}@example.com`)));
    expect((await ana.call('PUT', 'me/phone', { phone: '+1 (500) 555-0201' })).body.phone).toBe(ANA_PHONE);
    expect((await ben.call('PUT', 'me/phone', { phone: BEN_PHONE })).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
    await database?.drop();
  });

  const rows = (sql: string, params: unknown[] = []) => rig.gateway.db.query<any>(sql, params).then((r) => r.rows);

  /** A caller asks for a person; the bot moves them into the queue, where Twilio reports their place in line. */
  async function callerInQueue(from: string, request = 'I want to talk to a person'): Promise<{ caller: SimulatedCaller; conversationId: string }> {
    const speech = rig.speech(request);
    const caller = rig.caller(from);
    await caller.call();
    await caller.waitForBotToFinish(0);
    await caller.say(speech);
    await caller.closed; // Twilio ends the stream when the call is redirected into the queue
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

  async function summaryOf(conversationId: string): Promise<string> {
    const [handoff] = await rows(`SELECT summary FROM handoffs WHERE conversation_id = $1 ORDER BY created_at DESC LIMIT 1`, [conversationId]);
    return handoff.summary;
  }

  const placedCallTo = (phone: string) => [...rig.twilio.placedCalls.values()].filter((call) => call.to === phone).at(-1);

  it('shows a call waiting in the queue in the inbox, with its summary, place in line and time waited', async () => {
    const first = await callerInQueue('+15005550011');
    const second = await callerInQueue('+15005550012');

    const item = await inboxItem(ana, second.conversationId);
    expect(item).toMatchObject({ channel: 'voice', status: 'waiting_for_human', assignee: null, call: { state: 'waiting', position: 2 } });
    expect(item.summaryLine).toBeTruthy();
    expect((await inboxItem(ana, first.conversationId)).call).toMatchObject({ state: 'waiting', position: 1 });

    // Twilio's hold loop reports the wait again; the inbox follows.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await rig.twilio.holdTick();
    expect((await inboxItem(ana, first.conversationId)).call.waitMs).toBeGreaterThanOrEqual(1000);

    const view = await ana.call('GET', `conversations/${second.conversationId}`);
    expect(view.body.call).toMatchObject({ state: 'waiting', position: 2 });
    expect(view.body.handoff.summary).toBe(await summaryOf(second.conversationId));

    // The other tests start from an empty queue.
    await rig.twilio.callerHangsUp(first.caller.callSid);
    await rig.twilio.callerHangsUp(second.caller.callSid);
  }, 90_000);

  it("rings the person's own phone on Take call, whispers that caller's summary and bridges that caller, not the head of the queue", async () => {
    const head = await callerInQueue('+15005550021');
    const taken = await callerInQueue('+15035550147');

    const answer = await ana.call('POST', `conversations/${taken.conversationId}/take-call`);
    expect(answer.status).toBe(202);
    expect(answer.body.phone).toBe(ANA_PHONE);
    const dial = placedCallTo(ANA_PHONE)!;
    expect(dial).toMatchObject({ from: OUR_NUMBER, sid: answer.body.agentCallSid });
    expect(dial.url).toMatch(/^https:\/\/voice\.example\.test\/twilio\/voice\/take\/[0-9a-f]{32}$/);
    expect(dial.statusCallback).toBe(`${dial.url}/status`);

    // Claimed for her at once; the call shows as ringing her phone, no longer waiting.
    expect(await inboxItem(ana, taken.conversationId)).toMatchObject({
      status: 'with_human',
      assignee: { email: 'ana@example.com' },
      call: { state: 'ringing' },
    });

    const whisper = await rig.twilio.answer(dial.sid);
    const summary = await summaryOf(taken.conversationId);
    expect(whisper).toContain(`<Say voice="Polly.Joanna">Incoming transfer. ${escapeXml(summary)}</Say>`);
    expect(whisper).toMatch(new RegExp(`</Say><Dial><Conference [^>]*>take-${taken.caller.callSid}</Conference></Dial>`));
    expect(whisper).not.toContain(head.caller.callSid);

    // That caller was dequeued by its call sid into the same room; the head of the queue is still waiting.
    const dequeue = rig.twilio.requests.find((r) => r.path.includes('/Members/'))!;
    expect(dequeue.callSid).toBe(taken.caller.callSid);
    expect(dequeue.form.Url).toBe(`${dial.url}/caller`);
    expect(rig.twilio.webhookFailures).toEqual([]);
    expect(rig.twilio.conferences.get(`take-${taken.caller.callSid}`)?.sort()).toEqual([dial.sid, taken.caller.callSid].sort());
    expect(rig.twilio.queueOf(head.caller.callSid)).toMatchObject({ position: 1 });
    expect(rig.twilio.queueOf(taken.caller.callSid)).toBeNull();

    const [transfer] = await rows(`SELECT status, agent_call_sid FROM voice_transfers WHERE call_sid = $1`, [taken.caller.callSid]);
    expect(transfer).toEqual({ status: 'bridged', agent_call_sid: dial.sid });
    expect((await inboxItem(ana, taken.conversationId)).call).toMatchObject({ state: 'connected' });
    expect((await inboxItem(ana, head.conversationId)).call).toMatchObject({ state: 'waiting' });
    await rig.twilio.callerHangsUp(head.caller.callSid);
  }, 90_000);

  it('gives the call to exactly one of two people taking it at once; the other is told who has it (409)', async () => {
    const { caller, conversationId } = await callerInQueue('+15005550031');
    const dialsBefore = rig.twilio.placedCalls.size;
    const answers = await Promise.all([ana, ben].map((person) => person.call('POST', `conversations/${conversationId}/take-call`)));
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    const winner = [ana, ben][answers.findIndex((a) => a.status === 202)];
    const loser = answers.find((a) => a.status === 409)!;
    expect(loser.body.message).toBe(`${winner.email} has already taken this conversation.`);
    expect(rig.twilio.placedCalls.size).toBe(dialsBefore + 1);
    expect(placedCallTo(winner === ana ? ANA_PHONE : BEN_PHONE)?.sid).toBe(answers.find((a) => a.status === 202)!.body.agentCallSid);
    await rig.twilio.callerHangsUp(caller.callSid);
  }, 90_000);

  it('tells a person with no phone number how to add one (422), and leaves the call waiting for anyone', async () => {
    const { caller, conversationId } = await callerInQueue('+15005550041');
    const answer = await cy.call('POST', `conversations/${conversationId}/take-call`);
    expect(answer.status).toBe(422);
    expect(answer.body.message).toMatch(/Add your phone number first: "My phone" at the top of the workspace, or npm run agents -- add .* --phone/);
    expect(await inboxItem(cy, conversationId)).toMatchObject({ status: 'waiting_for_human', assignee: null, call: { state: 'waiting' } });

    const refused = await cy.call('PUT', 'me/phone', { phone: '555-0100' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toBe('Give the phone number in international (E.164) form: a + and the country code, like +14155550100.');
    // Only from the workspace page: the CSRF token is required, as for every change.
    expect((await ana.call('POST', `conversations/${conversationId}/take-call`, undefined, { csrf: null })).status).toBe(403);
    await rig.twilio.callerHangsUp(caller.callSid);
  }, 90_000);

  it('says the caller hung up (410) when they left the queue before anyone took the call, and the inbox shows it', async () => {
    const { caller, conversationId } = await callerInQueue('+15005550051');
    await rig.twilio.callerHangsUp(caller.callSid);
    expect((await inboxItem(ana, conversationId)).call).toMatchObject({ state: 'caller_hung_up', position: null });

    const answer = await ana.call('POST', `conversations/${conversationId}/take-call`);
    expect(answer.status).toBe(410);
    expect(answer.body.message).toBe('The caller hung up before the call was taken.');
    expect(await inboxItem(ana, conversationId)).toMatchObject({ status: 'waiting_for_human', assignee: null });
  }, 90_000);

  it('tells the person the caller has gone when the caller hangs up while their phone rings', async () => {
    const { caller, conversationId } = await callerInQueue('+15005550061');
    const answer = await ben.call('POST', `conversations/${conversationId}/take-call`);
    expect(answer.status).toBe(202);
    await rig.twilio.callerHangsUp(caller.callSid);
    const twiml = await rig.twilio.answer(answer.body.agentCallSid);
    expect(twiml).toContain('the caller has hung up');
    expect(twiml).toContain('<Hangup/>');
    expect(rig.twilio.requests.some((r) => r.path.includes('/Members/') && r.callSid === caller.callSid)).toBe(false);
  }, 90_000);

  it("puts the call back to waiting and unassigns the conversation when the person's phone does not answer", async () => {
    const { caller, conversationId } = await callerInQueue('+15005550071');
    const answer = await ana.call('POST', `conversations/${conversationId}/take-call`);
    expect(answer.status).toBe(202);
    expect(await inboxItem(ben, conversationId)).toMatchObject({ assignee: { email: 'ana@example.com' }, call: { state: 'ringing' } });

    await rig.twilio.endUnanswered(answer.body.agentCallSid, 'no-answer');
    expect(await inboxItem(ben, conversationId)).toMatchObject({ status: 'waiting_for_human', assignee: null, call: { state: 'waiting', position: 1 } });

    // Anyone can take it again; busy is handled the same way.
    const again = await ben.call('POST', `conversations/${conversationId}/take-call`);
    expect(again.status).toBe(202);
    expect(placedCallTo(BEN_PHONE)?.sid).toBe(again.body.agentCallSid);
    await rig.twilio.endUnanswered(again.body.agentCallSid, 'busy');
    expect(await inboxItem(ana, conversationId)).toMatchObject({ status: 'waiting_for_human', assignee: null, call: { state: 'waiting' } });
    await rig.twilio.callerHangsUp(caller.callSid);
  }, 90_000);

  it('shows the caller as hung up, not connected, when they left the queue just as the dequeue for the person ran (404)', async () => {
    const { caller, conversationId } = await callerInQueue('+15005550081');
    const answer = await ana.call('POST', `conversations/${conversationId}/take-call`);
    expect(answer.status).toBe(202);
    // Gone from Twilio's queue before its hangup reached the gateway: the Member dequeue answers 404.
    const place = rig.twilio.queueOf(caller.callSid)!;
    rig.twilio.queues.get(place.name)!.members.splice(place.position - 1, 1);
    const twiml = await rig.twilio.answer(answer.body.agentCallSid);
    expect(twiml).toContain('the caller has hung up');
    const [transfer] = await rows(`SELECT status, queue_result FROM voice_transfers WHERE call_sid = $1`, [caller.callSid]);
    expect(transfer).toEqual({ status: 'left', queue_result: 'hangup' });
    expect((await inboxItem(ana, conversationId)).call).toMatchObject({ state: 'caller_hung_up' });
  }, 90_000);

  describe('the agent line (POST /twilio/voice/agent)', () => {
    let legs = 0;
    /** A person calls the agent line: Twilio's signed webhook, from `from` with the carrier's verdict `stirVerstat`. */
    async function callAgentLine(from: string, stirVerstat: string | null): Promise<{ callSid: string; twiml: string }> {
      const callSid = `CA${String(++legs).padStart(32, 'a')}`;
      const params: Record<string, string> = { CallSid: callSid, From: from, To: '+15005550099', Direction: 'inbound', CallStatus: 'ringing' };
      if (stirVerstat !== null) params.StirVerstat = stirVerstat;
      const path = '/twilio/voice/agent';
      const response = await fetch(`${rig.gateway.url}${path}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Twilio-Signature': twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, `${PUBLIC_BASE_URL}${path}`, params),
        },
        body: new URLSearchParams(params).toString(),
      });
      expect(response.status).toBe(200);
      return { callSid, twiml: await response.text() };
    }

    const transferOf = async (callSid: string) =>
      (await rows(`SELECT status, agent_call_sid, taken_by FROM voice_transfers WHERE call_sid = $1`, [callSid]))[0];
    const stateOf = async (conversationId: string) => (await rows(`SELECT status, assignee FROM conversations WHERE id = $1`, [conversationId]))[0];

    function expectRefused(twiml: string, summary: string): void {
      expect(twiml).toMatch(/^<\?xml[^>]*><Response><Say [^>]*>[^<]+<\/Say><Hangup\/><\/Response>$/);
      expect(twiml).not.toContain(escapeXml(summary.slice(0, 30)));
      expect(twiml).not.toContain('<Dial>');
    }

    it('refuses a number that is no account, and an account phone the carrier did not attest; nobody is dequeued or claims it', async () => {
      const { caller, conversationId } = await callerInQueue('+15005550091');
      const summary = await summaryOf(conversationId);
      const refused = [
        await callAgentLine('+15005559999', 'TN-Validation-Passed-A'), // unknown, though attested
        await callAgentLine(ANA_PHONE, null), // no verdict: caller ID alone can be spoofed
        await callAgentLine(ANA_PHONE, 'TN-Validation-Failed'),
        await callAgentLine(ANA_PHONE, 'TN-Validation-Passed-C'),
      ];
      for (const { twiml } of refused) {
        expectRefused(twiml, summary);
        expect(twiml).toContain('This line is for support staff only. Goodbye.');
      }
      expect(await transferOf(caller.callSid)).toEqual({ status: 'waiting', agent_call_sid: null, taken_by: null });
      expect(await stateOf(conversationId)).toEqual({ status: 'waiting_for_human', assignee: null });
      expect(rig.twilio.queueOf(caller.callSid)).toMatchObject({ position: 1 });
      expect(rig.twilio.requests.some((r) => r.path.includes('/Members/') && r.callSid === caller.callSid)).toBe(false);
      await rig.twilio.callerHangsUp(caller.callSid);
    }, 90_000);

    it("bridges an account's attested phone to the caller at the head of the queue, after the summary, and claims the conversation for them", async () => {
      const { caller, conversationId } = await callerInQueue('+15005550092');
      const { callSid, twiml } = await callAgentLine(ANA_PHONE, 'TN-Validation-Passed-A');
      expect(twiml).toContain(`<Say voice="Polly.Joanna">Incoming transfer. ${escapeXml(await summaryOf(conversationId))}</Say>`);
      expect(twiml).toMatch(/<\/Say><Dial><Queue>support<\/Queue><\/Dial>/);
      const [account] = await rows(`SELECT id FROM workspace_accounts WHERE email = 'ana@example.com'`);
      expect(await transferOf(caller.callSid)).toEqual({ status: 'waiting', agent_call_sid: callSid, taken_by: account.id });
      expect(await inboxItem(ben, conversationId)).toMatchObject({ status: 'with_human', assignee: { email: 'ana@example.com' } });
      await rig.twilio.callerHangsUp(caller.callSid);
    }, 90_000);

    it('politely refuses a person when a colleague already has the conversation of the caller waiting first', async () => {
      const { caller, conversationId } = await callerInQueue('+15005550093');
      expect((await ana.call('POST', `conversations/${conversationId}/claim`)).status).toBeLessThan(300);
      const { twiml } = await callAgentLine(BEN_PHONE, 'TN-Validation-Passed-A');
      expectRefused(twiml, await summaryOf(conversationId));
      expect(twiml).toContain('Another member of the team has already taken the caller waiting first.');
      expect(await transferOf(caller.callSid)).toEqual({ status: 'waiting', agent_call_sid: null, taken_by: null });
      expect(await stateOf(conversationId)).toMatchObject({ status: 'with_human' });
      expect((await inboxItem(ben, conversationId)).assignee).toMatchObject({ email: 'ana@example.com' });
      await rig.twilio.callerHangsUp(caller.callSid);
    }, 90_000);
  });
});

describe('Taking a call without Twilio configured', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway();
  }, 60_000);
  afterAll(() => gateway?.close());

  it('says what to configure (503)', async () => {
    const person = await WorkspaceClient.signUp(gateway, 'dee@example.com');
    await person.call('PUT', 'me/phone', { phone: ANA_PHONE });
    const { conversationId } = await new ChatClient(gateway.url).say('I want to talk to a person');
    const answer = await person.call('POST', `conversations/${conversationId}/take-call`);
    expect(answer.status).toBe(503);
    expect(answer.body.message).toMatch(/TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_VOICE_FROM/);
  });
});

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
