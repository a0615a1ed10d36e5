import { DeepgramSpeechToText, DeepgramTextToSpeech, Transcript } from '@support/channels';
import { FakeDeepgram, startFakeDeepgram } from '../servers/deepgram';
import { callerSpeech } from '../servers/twilio-voice/caller-speech';

describe('Deepgram adapters against the local Deepgram', () => {
  let deepgram: FakeDeepgram;

  beforeAll(async () => {
    deepgram = await startFakeDeepgram({ idleTimeoutMs: 1500 });
  });
  afterAll(() => deepgram?.close());

  describe(DeepgramSpeechToText.name, () => {
    it('streams μ-law to /v1/listen with the phone settings and gets the final transcript and the end of the utterance', async () => {
      const clip = callerSpeech('Where is my order?');
      deepgram.speech.register(clip, 'Where is my order?');
      const stt = new DeepgramSpeechToText({ apiKey: 'test-deepgram-key', baseUrl: deepgram.url, model: 'nova-2-phonecall' });
      const transcripts: Transcript[] = [];
      let speechStarted = 0;
      let utteranceEnds = 0;
      const stream = await stt.open(
        { endpointingMs: 300, utteranceEndMs: 1000 },
        { onSpeechStarted: () => speechStarted++, onTranscript: (t) => transcripts.push(t), onUtteranceEnd: () => utteranceEnds++, onClosed: () => undefined },
      );
      const audio = Buffer.concat([clip, Buffer.alloc(8000 * 1.5, 0xff)]);
      for (let offset = 0; offset < audio.length; offset += 160) stream.send(audio.subarray(offset, offset + 160));
      await waitUntil(() => utteranceEnds > 0);
      expect(deepgram.listenConnections[0].query).toMatchObject({
        model: 'nova-2-phonecall',
        encoding: 'mulaw',
        sample_rate: '8000',
        channels: '1',
        interim_results: 'true',
        endpointing: '300',
        utterance_end_ms: '1000',
        vad_events: 'true',
        smart_format: 'true',
      });
      expect(speechStarted).toBe(1);
      expect(transcripts.find((t) => t.speechFinal)).toMatchObject({ text: 'Where is my order?', isFinal: true, endSec: expect.any(Number) });
      await stream.close();
      await waitUntil(() => deepgram.openListenSockets === 0);
    });

    it('sends KeepAlive text frames through silences so Deepgram does not close the stream (NET-0001)', async () => {
      const stt = new DeepgramSpeechToText({ apiKey: 'test-deepgram-key', baseUrl: deepgram.url, model: 'nova-2-phonecall', keepAliveMs: 400 });
      const closed: Error[] = [];
      const stream = await stt.open(
        { endpointingMs: 300, utteranceEndMs: 1000 },
        { onSpeechStarted: () => undefined, onTranscript: () => undefined, onUtteranceEnd: () => undefined, onClosed: (e) => closed.push(e) },
      );
      await new Promise((r) => setTimeout(r, 2500));
      const connection = deepgram.listenConnections[deepgram.listenConnections.length - 1];
      expect(connection.open).toBe(true);
      expect(connection.session.keepAlives).toBeGreaterThanOrEqual(3);
      expect(closed).toHaveLength(0);
      await stream.close();
    });

    it('reports a dropped socket as closed with a retryable provider error', async () => {
      const stt = new DeepgramSpeechToText({ apiKey: 'test-deepgram-key', baseUrl: deepgram.url, model: 'nova-2-phonecall' });
      const closed: Error[] = [];
      await stt.open(
        { endpointingMs: 300, utteranceEndMs: 1000 },
        { onSpeechStarted: () => undefined, onTranscript: () => undefined, onUtteranceEnd: () => undefined, onClosed: (e) => closed.push(e) },
      );
      deepgram.dropListenSockets();
      await waitUntil(() => closed.length > 0);
      expect(closed[0]).toMatchObject({ provider: 'deepgram', retryable: true });
    });

    it('fails to open with a wrong key', async () => {
      const stt = new DeepgramSpeechToText({ apiKey: 'wrong', baseUrl: deepgram.url, model: 'nova-2-phonecall' });
      await expect(
        stt.open(
          { endpointingMs: 300, utteranceEndMs: 1000 },
          { onSpeechStarted: () => undefined, onTranscript: () => undefined, onUtteranceEnd: () => undefined, onClosed: () => undefined },
        ),
      ).rejects.toMatchObject({ provider: 'deepgram' });
    });
  });

  describe(DeepgramTextToSpeech.name, () => {
    it('asks /v1/speak for raw μ-law at 8 kHz from the Aura voice and streams it back without a WAV header', async () => {
      const tts = new DeepgramTextToSpeech({ apiKey: 'test-deepgram-key', baseUrl: deepgram.url, voice: 'aura-2-thalia-en' });
      const chunks: Uint8Array[] = [];
      for await (const chunk of tts.synthesize('Your order shipped on Monday.', new AbortController().signal)) chunks.push(chunk);
      const audio = Buffer.concat(chunks);
      const request = deepgram.speakRequests[deepgram.speakRequests.length - 1];
      expect(request.query).toEqual({ model: 'aura-2-thalia-en', encoding: 'mulaw', sample_rate: '8000', container: 'none' });
      expect(audio.subarray(0, 4).toString('latin1')).not.toBe('RIFF');
      expect(audio.length).toBe(Math.round('Your order shipped on Monday.'.length * 65 * 8));
    });

    it('stops synthesising when aborted (barge-in)', async () => {
      const tts = new DeepgramTextToSpeech({ apiKey: 'test-deepgram-key', baseUrl: deepgram.url, voice: 'aura-2-thalia-en' });
      const abort = new AbortController();
      let bytes = 0;
      for await (const chunk of tts.synthesize('A long answer. '.repeat(200), abort.signal)) {
        bytes += chunk.length;
        abort.abort();
      }
      expect(bytes).toBeLessThan(8000);
    });
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
