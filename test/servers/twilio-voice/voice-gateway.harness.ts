import { MediaStreamServer } from '../../../apps/gateway/src/twilio-voice/media-stream.server';
import { RunningGateway, startGateway } from '../../support/gateway.harness';
import { FakeDeepgram, FakeDeepgramOptions, startFakeDeepgram } from '../deepgram';
import { callerSpeech } from './caller-speech';
import { FakeTwilioCalls } from './fake-twilio-calls.server';
import { CallOptions, SimulatedCaller } from './simulated-caller';

export const TEST_ACCOUNT_SID = `AC${'0'.repeat(32)}`;
export const TEST_AUTH_TOKEN = 'test-twilio-auth-token';
export const PUBLIC_BASE_URL = 'https://voice.example.test';

export interface VoiceRig {
  gateway: RunningGateway;
  deepgram: FakeDeepgram;
  twilio: FakeTwilioCalls;
  media: MediaStreamServer;
  callers: SimulatedCaller[];
  /** A caller with the given number; each call the test places is hung up at `close`. */
  caller(from?: string, callSid?: string, options?: Pick<CallOptions, 'stirVerstat'>): SimulatedCaller;
  /** Speech audio for `text`, registered with the fake recogniser. */
  speech(text: string): Buffer;
  close(): Promise<void>;
}

/** The gateway wired to a local Deepgram and a local Twilio Calls API; calls ring in like Twilio's. */
export async function startVoiceRig(env: Record<string, string> = {}, deepgramOptions: FakeDeepgramOptions = {}): Promise<VoiceRig> {
  const deepgram = await startFakeDeepgram({ ttsMsPerCharacter: 15, ...deepgramOptions });
  const twilio = await FakeTwilioCalls.start(TEST_ACCOUNT_SID, TEST_AUTH_TOKEN);
  const gateway = await startGateway({
    PUBLIC_BASE_URL,
    DEEPGRAM_API_KEY: 'test-deepgram-key',
    DEEPGRAM_BASE_URL: deepgram.url,
    TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
    TWILIO_API_BASE_URL: twilio.url,
    ...env,
  });
  const callers: SimulatedCaller[] = [];
  twilio.onCallUpdated = (callSid) => callers.find((c) => c.callSid === callSid)?.endStream();
  const registered = new Set<string>();
  return {
    gateway,
    deepgram,
    twilio,
    media: gateway.app.get(MediaStreamServer),
    callers,
    caller(from, callSid, options = {}) {
      const caller = new SimulatedCaller({ gatewayUrl: gateway.url, publicBaseUrl: PUBLIC_BASE_URL, authToken: TEST_AUTH_TOKEN, from, callSid, ...options });
      callers.push(caller);
      return caller;
    },
    speech(text) {
      const audio = callerSpeech(text);
      if (!registered.has(text)) deepgram.speech.register(audio, text);
      registered.add(text);
      return audio;
    },
    async close() {
      for (const caller of callers) caller.hangUp();
      await gateway.close();
      await twilio.close();
      await deepgram.close();
    },
  };
}
