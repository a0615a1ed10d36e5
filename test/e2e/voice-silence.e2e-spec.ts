import { startVoiceRig, VoiceRig } from '../servers/twilio-voice/voice-gateway.harness';

describe('A phone call where the caller goes quiet', () => {
  let rig: VoiceRig;

  beforeAll(async () => {
    rig = await startVoiceRig({ VOICE_REPROMPT_MS: '1500', VOICE_HANGUP_MS: '4000' });
  }, 120_000);
  afterAll(() => rig?.close());

  it('asks whether the caller is still there, then says goodbye and hangs up, leaving no socket or timer behind', async () => {
    const caller = rig.caller('+15005550009');
    await caller.call();
    await caller.waitForBotToFinish(0);
    const session = rig.media.activeCalls.find((s) => s.call.callSid === caller.callSid)!;
    const greeting = rig.deepgram.speakRequests.length;

    await caller.waitFor(() => rig.deepgram.speakRequests.length > greeting, 4000, 'the reprompt');
    expect(rig.deepgram.speakRequests[greeting].text).toMatch(/Are you still there\?/);

    await caller.closed;
    expect(rig.deepgram.speakRequests.map((r) => r.text).join(' ')).toMatch(/Goodbye, and thanks for calling\./);
    // The goodbye was heard (its mark echoed) before the hang-up went through the REST API.
    const hangUp = rig.twilio.updatesFor(caller.callSid).find((r) => r.form.Status === 'completed');
    expect(hangUp).toBeDefined();

    await waitUntil(() => rig.media.activeCalls.length === 0 && rig.deepgram.openListenSockets === 0);
    expect(session.openResources).toEqual({ stt: false, timers: 0, queuedFrames: 0, playing: false });
    const metrics = await (await fetch(`${rig.gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/support_voice_calls_total\{outcome="silence_timeout"\} 1/);
    expect(metrics).toMatch(/support_voice_active_calls 0/);
  }, 30_000);

  it('stops speaking and lets go of the recogniser when the caller hangs up mid-answer', async () => {
    const question = rig.speech('What is your return policy?');
    const caller = rig.caller('+15005550010');
    await caller.call();
    await caller.waitForBotToFinish(0);
    const before = caller.framesReceived.length;
    await caller.say(question);
    await caller.waitFor(() => caller.framesReceived.length > before + 10, 10_000, 'the answer to start');
    const session = rig.media.activeCalls.find((s) => s.call.callSid === caller.callSid)!;
    caller.hangUp();
    await caller.closed;
    await waitUntil(() => rig.media.activeCalls.length === 0 && rig.deepgram.openListenSockets === 0);
    expect(session.openResources).toEqual({ stt: false, timers: 0, queuedFrames: 0, playing: false });
    const framesAtHangUp = caller.framesReceived.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(caller.framesReceived.length).toBe(framesAtHangUp);
  }, 30_000);
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
