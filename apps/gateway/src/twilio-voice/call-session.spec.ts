import { AgentReply, InboundMessage } from '@support/conversation';
import { createLogger, Metrics, VoiceConfig } from '@support/platform';
import { ScriptedSpeechToText } from '../../../../channels/src/voice/speech/testing/scripted.stt';
import { ToneTextToSpeech } from '../../../../channels/src/voice/speech/testing/tone.tts';
import { DispatchCallbacks } from '../conversations/turn-dispatcher.service';
import { CallSession, VoiceTurnTiming } from './call-session';
import { CutOff } from './reply-playback';

const config: VoiceConfig = {
  sttModel: 'nova-2-phonecall',
  ttsVoice: 'aura-2-thalia-en',
  endpointingMs: 300,
  utteranceEndMs: 1000,
  repromptMs: 60_000,
  hangupMs: 120_000,
  queueName: 'support',
  trustCallerId: 'attested',
  holdMusicUrl: 'https://example.test/hold.mp3',
  orderNumberPrefix: '#W',
};

/** A call on scripted speech and a scripted agent; the "Twilio" side echoes marks at once. */
function callWith(answer: (inbound: InboundMessage) => { deltas: string[]; handoff?: AgentReply['handoff'] }, overrides: Partial<VoiceConfig> = {}) {
  const stt = new ScriptedSpeechToText();
  const tts = new ToneTextToSpeech({ msPerCharacter: 2 });
  const sent: any[] = [];
  const inbound: InboundMessage[] = [];
  const cutOffs: CutOff[] = [];
  const transfers: AgentReply[] = [];
  const hangUps: string[] = [];
  const timings: VoiceTurnTiming[] = [];
  let echoMarks = true;
  const session: CallSession = new CallSession(
    { callSid: 'CA1', streamSid: 'MZ1', from: '+15035550147', fromVerified: true },
    {
      config: { ...config, ...overrides },
      stt,
      tts,
      async dispatch(message: InboundMessage, callbacks: DispatchCallbacks) {
        inbound.push(message);
        callbacks.onStored?.({ conversation: { id: 'conv_1' } } as any);
        const { deltas, handoff = null } = answer(message);
        for (const delta of deltas) {
          callbacks.onDelta?.(delta);
          await new Promise((r) => setImmediate(r));
        }
        return { conversationId: 'conv_1', messageId: 'msg_1', replyMessageId: 'msg_2', text: deltas.join(''), handoff };
      },
      noteCutOff: async (_c, _s, _u, cut) => void cutOffs.push(cut),
      transfer: async (_call, reply) => void transfers.push(reply),
      hangUp: async (sid) => void hangUps.push(sid),
      send(json) {
        const message = JSON.parse(json);
        sent.push(message);
        if (message.event === 'mark' && echoMarks) setImmediate(() => session.handle({ event: 'mark', streamSid: 'MZ1', mark: { name: message.mark.name } }));
      },
      closeSocket: () => undefined,
      metrics: new Metrics(),
      logger: createLogger('silent'),
      pacerLeadMs: 10_000, // no real-time pacing in unit tests
      onTurnTiming: (t) => timings.push(t),
    },
  );
  return { session, stt, tts, sent, inbound, cutOffs, transfers, hangUps, timings, holdMarks: () => (echoMarks = false) };
}

const until = async (condition: () => boolean, timeoutMs = 3000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe(CallSession.name, () => {
  it('sends the finished utterance to the agent as the verified caller, and speaks the answer sentence by sentence', async () => {
    const call = callWith(() => ({ deltas: ['You can return items ', 'within 30 days. Refunds ', 'take 5 business days.'] }));
    await call.session.begin();
    await until(() => call.sent.some((m) => m.event === 'mark' && m.mark.name === 'p1.1'));
    call.stt.current.hear('What is your return policy?');
    await until(() => call.timings.length === 1);
    expect(call.inbound[0]).toEqual({
      channel: 'voice',
      from: { kind: 'phone', address: '+15035550147', verified: true },
      text: 'What is your return policy?',
      channelMessageId: 'CA1:1',
    });
    expect(call.tts.requests.slice(2)).toEqual(['You can return items within 30 days.', 'Refunds take 5 business days.']);
    expect(call.sent.filter((m) => m.event === 'mark').map((m) => m.mark.name)).toEqual(['p1.0', 'p1.1', 'p2.0', 'p2.1']);
    expect(call.sent.filter((m) => m.event === 'media').every((m) => Buffer.from(m.media.payload, 'base64').length === 160)).toBe(true);
    const t = call.timings[0];
    expect(t.firstModelTokenAt! <= t.firstTtsByteAt! && t.firstTtsByteAt! <= t.firstFrameAt!).toBe(true);
    await call.session.finish('hangup');
  });

  it('answers an utterance once when both speech_final and UtteranceEnd mark its end', async () => {
    const call = callWith(() => ({ deltas: ['Sure thing, happy to help.'] }));
    await call.session.begin();
    call.stt.current.hear('Hello there');
    call.stt.current.utteranceEnd();
    await until(() => call.timings.length === 1);
    expect(call.inbound).toHaveLength(1);
    await call.session.finish('hangup');
  });

  it('clears playback when the caller speaks over the bot and records what was and was not heard', async () => {
    const call = callWith(() => ({ deltas: ['This is the first sentence of a long answer. ', 'And here is a second sentence that nobody hears.'] }));
    await call.session.begin();
    await until(() => call.sent.some((m) => m.event === 'mark' && m.mark.name === 'p1.1'));
    call.holdMarks(); // the caller is still hearing the answer
    call.stt.current.hear('What is your return policy?');
    // Both sentences of the answer are being spoken (after the greeting's two) before the caller talks over them.
    await until(() => call.tts.requests.length >= 4);
    call.stt.current.speechStarted();
    expect(call.sent[call.sent.length - 1]).toEqual({ event: 'clear', streamSid: 'MZ1' });
    await until(() => call.cutOffs.length === 1);
    expect(call.cutOffs[0].unheard).toContain('nobody hears');
    await call.session.finish('hangup');
  });

  it('turns keyed digits into the order number, with the shop prefix', async () => {
    const call = callWith(() => ({ deltas: ['Let me check that order for you.'] }));
    await call.session.begin();
    for (const digit of '9000005#') call.session.handle({ event: 'dtmf', streamSid: 'MZ1', dtmf: { digit } });
    await until(() => call.inbound.length === 1);
    expect(call.inbound[0].text).toBe('My order number is #W9000005.');
    await call.session.finish('hangup');
  });

  it('transfers the call once the handoff message has been heard', async () => {
    const call = callWith(() => ({
      deltas: ['I am connecting you to a member of our team.'],
      handoff: { reason: 'customer_request', summary: 'Caller wants a person.' },
    }));
    await call.session.begin();
    call.stt.current.hear('I want to talk to a person');
    await until(() => call.transfers.length === 1);
    expect(call.sent.filter((m) => m.event === 'mark').map((m) => m.mark.name)).toContain('p2.0');
    await call.session.finish('transfer');
  });

  it('still transfers when the caller talks over the handoff message', async () => {
    const call = callWith(() => ({
      deltas: ['I am connecting you to a member of our team right now, please stay on the line.'],
      handoff: { reason: 'customer_request', summary: 'Caller wants a person.' },
    }));
    await call.session.begin();
    await until(() => call.sent.some((m) => m.event === 'mark' && m.mark.name === 'p1.1'));
    call.holdMarks();
    call.stt.current.hear('I want to talk to a person');
    await until(() => call.tts.requests.length >= 3);
    call.stt.current.speechStarted();
    await until(() => call.transfers.length === 1);
    await call.session.finish('transfer');
  });

  it('reprompts after silence, then says goodbye, hangs up, and holds nothing afterwards', async () => {
    const call = callWith(() => ({ deltas: [] }), { repromptMs: 50, hangupMs: 200 });
    await call.session.begin();
    await until(() => call.hangUps.length === 1);
    expect(call.tts.requests.join(' ')).toMatch(/^Hi, .* Are you still there\? .* Goodbye, and thanks for calling\.$/);
    expect(call.session.openResources).toEqual({ stt: false, timers: 0, queuedFrames: 0, playing: false });
    expect(call.stt.openStreams).toBe(0);
  });
});
