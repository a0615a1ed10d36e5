import twilio from 'twilio';
import { PUBLIC_BASE_URL, startVoiceRig, TEST_AUTH_TOKEN, VoiceRig } from '../servers/twilio-voice/voice-gateway.harness';

describe('A phone call to the product', () => {
  let rig: VoiceRig;

  beforeAll(async () => {
    rig = await startVoiceRig({ VOICE_AGENT_NUMBER: '+15005550100', TWILIO_VOICE_FROM: '+15005550006' });
  }, 120_000);
  afterAll(() => rig?.close());

  const rows = (sql: string, params: unknown[] = []) => rig.gateway.db.query<any>(sql, params).then((r) => r.rows);

  it('greets the caller, hears the question, and speaks the answer back in paced 20 ms frames with marks', async () => {
    const question = rig.speech('What is your return policy?');
    const caller = rig.caller('+15005550001');
    await caller.call();
    await caller.waitForBotToFinish(0);
    const greetingFrames = caller.framesReceived.length;
    expect(greetingFrames).toBeGreaterThan(20);

    await caller.say(question);
    await caller.waitForBotToFinish(greetingFrames, 600, 20_000);

    const conversation = await rows(`SELECT c.id FROM conversations c JOIN messages m ON m.conversation_id = c.id WHERE m.channel_message_id = $1`, [
      `${caller.callSid}:1`,
    ]);
    const messages = await rows(`SELECT author, text, channel FROM messages WHERE conversation_id = $1 ORDER BY seq`, [conversation[0].id]);
    expect(messages[0]).toMatchObject({ author: 'customer', text: 'What is your return policy?', channel: 'voice' });
    expect(messages[1].author).toBe('bot');
    expect(messages[1].text).toMatch(/30 days/);
    // The reply was spoken: audio after the question, every frame 160 bytes, and each sentence's mark echoed back.
    const replyFrames = caller.framesReceived.slice(greetingFrames);
    expect(replyFrames.length).toBeGreaterThan(20);
    expect(replyFrames.every((f) => f.bytes === 160)).toBe(true);
    expect(caller.marksSent.map((m) => m.name)).toEqual(expect.arrayContaining(['p1.0', 'p2.0']));
    // Sent in real time, not dumped: the reply's frames arrive over about as long as they play.
    const spanMs = replyFrames[replyFrames.length - 1].at - replyFrames[0].at;
    expect(spanMs).toBeGreaterThan(replyFrames.length * 20 * 0.8 - 200);

    caller.hangUp();
    await caller.closed;
    await waitUntil(() => rig.media.activeCalls.length === 0 && rig.deepgram.openListenSockets === 0);
  }, 60_000);

  it('refuses a webhook without a valid Twilio signature, and a media stream without the call token', async () => {
    const forged = await fetch(`${rig.gateway.url}/twilio/voice`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': 'bm90IGEgc2lnbmF0dXJl' },
      body: 'CallSid=CA00000000000000000000000000000000&From=%2B15035550147',
    });
    expect(forged.status).toBe(403);

    const caller = rig.caller();
    const { status, twiml } = await caller.ring();
    expect(status).toBe(200);
    expect(twiml).toContain('<Connect><Stream url="wss://voice.example.test/twilio/media">');
    expect(twiml).toContain(`<Parameter name="callSid" value="${caller.callSid}"/>`);
    expect(twiml).toContain('<Parameter name="from" value="+15035550147"/>');

    caller.twiml = twiml.replace(/name="token" value="[^"]+"/, 'name="token" value="forged"');
    await caller.connect();
    await caller.closed;
    expect(caller.framesReceived).toHaveLength(0);

    // Claiming another customer's number with this call's genuine token is refused too.
    const impostor = rig.caller('+15005550123', caller.callSid);
    impostor.twiml = twiml.replace('<Parameter name="from" value="+15035550147"/>', '<Parameter name="from" value="+15005550123"/>');
    await impostor.connect();
    await impostor.closed;
    expect(impostor.framesReceived).toHaveLength(0);
  });

  it('stops talking at once when the caller cuts in, and the transcript shows where the bot was cut off', async () => {
    const question = rig.speech('What is your return policy?');
    const interruption = rig.speech('How long do refunds take to a credit card?');
    const caller = rig.caller('+15005550002');
    await caller.call();
    await caller.waitForBotToFinish(0);
    const greetingFrames = caller.framesReceived.length;
    await caller.say(question);
    await caller.waitFor(() => caller.framesReceived.length > greetingFrames + 40, 20_000, 'the answer to start');

    const cutInAt = performance.now();
    const saying = caller.say(interruption);
    await caller.waitFor(() => caller.clears.length > 0, 5000, 'a clear');
    expect(caller.clears[0] - cutInAt).toBeLessThan(600);
    await saying;
    await caller.waitForBotToFinish(caller.framesReceived.length, 600, 20_000);

    const [{ conversation_id }] = await rows(`SELECT conversation_id FROM messages WHERE channel_message_id = $1`, [`${caller.callSid}:1`]);
    const messages = await rows(`SELECT author, text FROM messages WHERE conversation_id = $1 ORDER BY seq`, [conversation_id]);
    expect(messages.map((m: any) => m.author)).toEqual(['customer', 'bot', 'system', 'customer', 'bot']);
    expect(messages[2].text).toMatch(/^\[caller interrupted the bot\] heard: ".*" — not heard: ".+"$/);
    expect(messages[3].text).toBe('How long do refunds take to a credit card?');
    expect(messages[4].text).toMatch(/business days/);
    caller.hangUp();
    await caller.closed;
  }, 60_000);

  it("looks up an order number keyed on the phone's keypad for the customer the calling number identifies", async () => {
    const caller = rig.caller('+15035550147');
    await caller.call();
    await caller.waitForBotToFinish(0);
    const before = caller.framesReceived.length;
    caller.press('9000005#');
    await caller.waitForBotToFinish(before, 600, 20_000);
    const messages = await rows(
      `SELECT author, text FROM messages WHERE conversation_id = (SELECT conversation_id FROM messages WHERE channel_message_id = $1) ORDER BY seq`,
      [`${caller.callSid}:1`],
    );
    expect(messages[0]).toMatchObject({ author: 'customer', text: 'My order number is #W9000005.' });
    expect(messages[1].text).toContain('#W9000005');
    expect(messages[1].text).toMatch(/delivered/i);
    caller.hangUp();
    await caller.closed;
  }, 60_000);

  it('reconnects to speech recognition when its socket drops mid-call, and keeps listening', async () => {
    const question = rig.speech('What is your return policy?');
    const caller = rig.caller('+15005550003');
    const connectionsBefore = rig.deepgram.listenConnections.length;
    await caller.call();
    await caller.waitForBotToFinish(0);
    rig.deepgram.dropListenSockets();
    await waitUntil(() => rig.deepgram.listenConnections.length === connectionsBefore + 2 && rig.deepgram.openListenSockets === 1);

    const before = caller.framesReceived.length;
    await caller.say(question);
    await caller.waitForBotToFinish(before, 600, 20_000);
    const [reply] = await rows(
      `SELECT text FROM messages WHERE author = 'bot' AND conversation_id = (SELECT conversation_id FROM messages WHERE channel_message_id = $1)`,
      [`${caller.callSid}:1`],
    );
    expect(reply.text).toMatch(/30 days/);
    const metrics = await (await fetch(`${rig.gateway.url}/metrics`)).text();
    expect(metrics).toMatch(/support_voice_stt_reconnects_total [1-9]/);
    caller.hangUp();
    await caller.closed;
  }, 60_000);

  it('moves the caller into the queue with a message and hold music, and whispers the summary to the person who takes the call', async () => {
    const request = rig.speech('I want to talk to a person');
    const caller = rig.caller('+15005550004');
    await caller.call();
    await caller.waitForBotToFinish(0);
    await caller.say(request);
    await caller.closed; // Twilio ends the stream once the call is redirected into the queue

    const [update] = rig.twilio.updatesFor(caller.callSid);
    expect(update.form.Twiml).toMatch(
      /<Say[^>]*>Please hold while I connect you to a member of our team.<\/Say><Enqueue [^>]*waitUrl="https:\/\/voice.example.test\/twilio\/voice\/hold"[^>]*>support<\/Enqueue>/,
    );
    const [transfer] = await rows(`SELECT * FROM voice_transfers WHERE call_sid = $1`, [caller.callSid]);
    expect(transfer).toMatchObject({ queue_name: 'support', status: 'requested' });
    const [handoff] = await rows(`SELECT id, summary FROM handoffs WHERE conversation_id = $1`, [transfer.conversation_id]);
    expect(transfer.handoff_id).toBe(handoff.id);
    // VOICE_AGENT_NUMBER is set: the product dials the person, whose leg runs the agent-line TwiML.
    const dial = rig.twilio.requests.find((r) => r.form.To === '+15005550100');
    expect(dial?.form).toMatchObject({ From: '+15005550006', Url: `${PUBLIC_BASE_URL}/twilio/voice/agent` });

    const hold = await signedPost('/twilio/voice/hold', {
      CallSid: caller.callSid,
      QueuePosition: '1',
      QueueTime: '12',
      QueueSid: 'QU1',
      CurrentQueueSize: '1',
    });
    expect(hold).toContain('<Play>http://com.twilio.sounds.music.s3.amazonaws.com/MARKOVICHAMP-Borghestral.mp3</Play>');

    // Only the team: a number that is neither an account's phone nor VOICE_AGENT_NUMBER is refused, attested or not;
    // VOICE_AGENT_NUMBER calling in without full attestation too (caller ID can be spoofed); nobody is dequeued.
    const refusals: Array<Record<string, string>> = [
      { CallSid: `CA${'1'.repeat(32)}`, From: '+15005559999', To: '+15005550006', Direction: 'inbound' },
      { CallSid: `CA${'2'.repeat(32)}`, From: '+15005559999', To: '+15005550006', Direction: 'inbound', StirVerstat: 'TN-Validation-Passed-A' },
      { CallSid: `CA${'3'.repeat(32)}`, From: '+15005550100', To: '+15005550006', Direction: 'inbound' },
      { CallSid: `CA${'4'.repeat(32)}`, From: '+15005550100', To: '+15005550006', Direction: 'inbound', StirVerstat: 'TN-Validation-Failed' },
    ];
    for (const form of refusals) {
      const refused = await signedPost('/twilio/voice/agent', form);
      expect(refused).not.toContain(escapeXml(handoff.summary.slice(0, 40)));
      expect(refused).toContain('This line is for support staff only. Goodbye.</Say><Hangup/>');
      expect(refused).not.toContain('<Dial>');
    }
    expect((await rows(`SELECT agent_call_sid FROM voice_transfers WHERE call_sid = $1`, [caller.callSid]))[0].agent_call_sid).toBeNull();

    const whisper = await signedPost('/twilio/voice/agent', { CallSid: dial!.callSid!, From: '+15005550006', To: '+15005550100', Direction: 'outbound-api' });
    expect(whisper).toContain('<Say voice="Polly.Joanna">Incoming transfer. ');
    expect(whisper).toContain(escapeXml(handoff.summary.slice(0, 40)));
    expect(whisper).toMatch(/<\/Say><Dial><Queue>support<\/Queue><\/Dial>/);

    await signedPost('/twilio/voice/queue-result', { CallSid: caller.callSid, QueueResult: 'bridged', QueueTime: '31', QueueSid: 'QU1' });
    const [done] = await rows(`SELECT * FROM voice_transfers WHERE call_sid = $1`, [caller.callSid]);
    expect(done).toMatchObject({ status: 'bridged', queue_position: 1, wait_ms: 31_000, queue_result: 'bridged', agent_call_sid: dial!.callSid });
  }, 60_000);

  it('bridges VOICE_AGENT_NUMBER calling in on the agent line when the carrier attested it in full', async () => {
    const caller = rig.caller('+15005550005');
    await caller.call();
    await caller.waitForBotToFinish(0);
    await caller.say(rig.speech('I want to talk to a person'));
    await caller.closed;
    await signedPost('/twilio/voice/hold', { CallSid: caller.callSid, QueuePosition: '1', QueueTime: '3', QueueSid: 'QU1', CurrentQueueSize: '1' });
    const [transfer] = await rows(`SELECT conversation_id FROM voice_transfers WHERE call_sid = $1`, [caller.callSid]);
    const [handoff] = await rows(`SELECT summary FROM handoffs WHERE conversation_id = $1`, [transfer.conversation_id]);

    const agentLeg = `CA${'5'.repeat(32)}`;
    const whisper = await signedPost('/twilio/voice/agent', {
      CallSid: agentLeg,
      From: '+15005550100',
      To: '+15005550006',
      Direction: 'inbound',
      StirVerstat: 'TN-Validation-Passed-A',
    });
    expect(whisper).toContain(`Incoming transfer. ${escapeXml(handoff.summary.slice(0, 40))}`);
    expect(whisper).toMatch(/<\/Say><Dial><Queue>support<\/Queue><\/Dial>/);
    expect((await rows(`SELECT agent_call_sid FROM voice_transfers WHERE call_sid = $1`, [caller.callSid]))[0].agent_call_sid).toBe(agentLeg);
    await signedPost('/twilio/voice/queue-result', { CallSid: caller.callSid, QueueResult: 'bridged', QueueTime: '5', QueueSid: 'QU1' });
  }, 60_000);

  async function signedPost(path: string, params: Record<string, string>): Promise<string> {
    const signature = twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, `${PUBLIC_BASE_URL}${path}`, params);
    const response = await fetch(`${rig.gateway.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    expect(response.status).toBe(200);
    return response.text();
  }

  it('asks a caller whose number the carrier did not attest for proof before showing an order', async () => {
    const caller = rig.caller('+15035550147', undefined, { stirVerstat: 'TN-Validation-Passed-C' });
    await caller.call();
    await caller.waitForBotToFinish(0);
    const before = caller.framesReceived.length;
    caller.press('9000014#');
    await caller.waitForBotToFinish(before, 600, 20_000);
    const [reply] = await rows(
      `SELECT text FROM messages WHERE author = 'bot' AND seq > (SELECT seq FROM messages WHERE channel_message_id = $1)
         AND conversation_id = (SELECT conversation_id FROM messages WHERE channel_message_id = $1) ORDER BY seq LIMIT 1`,
      [`${caller.callSid}:1`],
    );
    expect(reply.text).toMatch(/email address or the ZIP code/);
    expect(reply.text).not.toMatch(/pending|Cascade|Voltra/i);
    caller.hangUp();
    await caller.closed;
  }, 60_000);
});

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
