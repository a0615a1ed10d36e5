/**
 * Voice latency and capacity, against local Deepgram (live STT + TTS) and Anthropic protocol servers
 * set to realistic latencies, with simulated Twilio callers speaking espeak-ng audio in real time.
 *
 *   npm run bench:voice -- [--turns 20] [--stt-final-ms 150] [--tts-first-byte-ms 200] [--llm-first-token-ms 400]
 *                          [--llm-tokens-per-second 80] [--levels 1,10,20,40,60,80] [--hold-s 6] [--json <file>]
 *
 * 1. Per turn: the product's own share of final transcript → first outbound frame = the total minus the
 *    time spent waiting on the model (requests open at the fake Anthropic, seen through a timing proxy) and
 *    on TTS (request → first byte at the fake Deepgram). One call per turn; the caller asks at once.
 * 2. Capacity: N concurrent calls each hearing a long answer; outbound frame pacing lateness p99 (send time
 *    against the real-time schedule) and memory per call. Callers, fakes and gateway share this machine.
 */
import { writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MediaStreamServer } from '../apps/gateway/src/twilio-voice/media-stream.server';
import { VoiceTurnTiming } from '../apps/gateway/src/twilio-voice/call-session';
import { startFakeAnthropic } from '../test/servers/anthropic';
import { startFakeDeepgram } from '../test/servers/deepgram';
import { callerSpeech } from '../test/servers/twilio-voice/caller-speech';
import { FakeTwilioCalls } from '../test/servers/twilio-voice/fake-twilio-calls.server';
import { SimulatedCaller } from '../test/servers/twilio-voice/simulated-caller';
import { numberFlag, parseFlags, UsageError } from './support/cli-flags';
import { startInProcessGateway } from './support/in-process-gateway';
import { percentileOfSorted } from './support/percentiles';
import { reportProgress } from './support/progress';
import { formatFixed, formatTable } from './support/table';
import { coveredMs, TimingProxy } from './voice/timing.proxy';

const USAGE =
  'usage: npm run bench:voice -- [--turns 20] [--stt-final-ms 150] [--tts-first-byte-ms 200] [--llm-first-token-ms 400] [--llm-tokens-per-second 80] [--levels 1,10,20,40] [--hold-s 6] [--json <file>]';
const ACCOUNT_SID = `AC${'0'.repeat(32)}`;
const AUTH_TOKEN = 'bench-twilio-token';
const PUBLIC_BASE_URL = 'https://voice.bench.test';
const LONG_ANSWER = Array.from(
  { length: 12 },
  (_, i) => `This is sentence number ${i + 1} of a long spoken answer about returns, refunds and delivery times.`,
).join(' ');
const QUESTIONS = [
  'What is your return policy?',
  'How long do refunds take to a credit card?',
  'Do you ship internationally?',
  'How do I reset my password?',
  'Can I change my delivery address?',
];

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), [
    'turns',
    'stt-final-ms',
    'tts-first-byte-ms',
    'llm-first-token-ms',
    'llm-tokens-per-second',
    'levels',
    'hold-s',
    'json',
  ]);
  const turns = numberFlag(flags, 'turns', 20, 1, 500);
  const sttFinalMs = numberFlag(flags, 'stt-final-ms', 150, 0, 5000);
  const ttsFirstByteMs = numberFlag(flags, 'tts-first-byte-ms', 200, 0, 5000);
  const llmFirstTokenMs = numberFlag(flags, 'llm-first-token-ms', 400, 0, 10_000);
  const tokensPerSecond = numberFlag(flags, 'llm-tokens-per-second', 80, 1, 10_000);
  const holdS = numberFlag(flags, 'hold-s', 6, 1, 120);
  const levels = (flags.get('levels') ?? '1,10,20,40,60').split(',').map((n) => Number(n));
  if (levels.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError('--levels must be a comma-separated list of positive integers');

  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;

  const deepgram = await startFakeDeepgram({ apiKey: 'bench-key', latency: { sttFinalMs, ttsFirstByteMs, ttsSpeedup: 4 } });
  const anthropic = await startFakeAnthropic({ latency: { firstTokenMs: llmFirstTokenMs, tokensPerSecond } });
  const llmProxy = await TimingProxy.start(anthropic.url);
  const twilio = await FakeTwilioCalls.start(ACCOUNT_SID, AUTH_TOKEN);
  const gateway = await startInProcessGateway(
    {},
    {
      PUBLIC_BASE_URL,
      ANTHROPIC_API_KEY: 'bench-key',
      ANTHROPIC_BASE_URL: llmProxy.url,
      DEEPGRAM_API_KEY: 'bench-key',
      DEEPGRAM_BASE_URL: deepgram.url,
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_API_BASE_URL: twilio.url,
      VOICE_REPROMPT_MS: '600000',
      VOICE_HANGUP_MS: '1200000',
    },
  );
  const media = gateway.app.get(MediaStreamServer);
  const clips = QUESTIONS.map((q) => {
    const audio = callerSpeech(q);
    deepgram.speech.register(audio, q);
    return audio;
  });
  let callerNumber = 0;
  const newCaller = () =>
    new SimulatedCaller({
      gatewayUrl: gateway.url,
      publicBaseUrl: PUBLIC_BASE_URL,
      authToken: AUTH_TOKEN,
      from: `+1555${String(1000000 + ++callerNumber).slice(1)}`,
    });

  try {
    // --- 1. latency per turn ---
    const timings: VoiceTurnTiming[] = [];
    media.observers = { onTurnTiming: (t) => timings.push(t) };
    const rows: Array<{ total: number; llm: number; tts: number; product: number; beforeModel: number; voicePipeline: number; endToFinal?: number }> = [];
    for (let turn = 0; turn < turns; turn++) {
      reportProgress(`latency turn ${turn + 1}/${turns}`);
      const caller = newCaller();
      await caller.call();
      const before = caller.framesReceived.length;
      await caller.say(clips[turn % clips.length]);
      const firstAnswerFrame = caller.framesReceived.length;
      await caller.waitFor(() => caller.framesReceived.length > Math.max(before, firstAnswerFrame) + 5, 20_000, 'the answer');
      caller.hangUp();
      await caller.closed;
      await caller.waitFor(() => timings.length > turn, 5000, 'the turn timing');
      const t = timings[turn];
      if (t.firstFrameAt === undefined) continue;
      const llmIntervals = llmProxy.requests.map((r) => [r.startedAt, r.endedAt ?? performance.now()] as [number, number]);
      const llm = coveredMs(llmIntervals, t.finalTranscriptAt, t.firstSentenceAt ?? t.firstFrameAt);
      const speak = deepgram.speakRequests.find((r) => r.receivedAt >= t.finalTranscriptAt && r.firstByteAt !== undefined);
      const tts = speak ? coveredMs([[speak.receivedAt, speak.firstByteAt!]], t.finalTranscriptAt, t.firstFrameAt) : 0;
      const total = t.firstFrameAt - t.finalTranscriptAt;
      const firstModelRequest = llmProxy.requests.find((r) => r.startedAt >= t.finalTranscriptAt);
      // The voice layer's own steps: sentence ready → TTS request, first TTS byte → first frame out.
      const voicePipeline = speak && t.firstSentenceAt !== undefined ? speak.receivedAt - t.firstSentenceAt + (t.firstFrameAt - speak.firstByteAt!) : NaN;
      rows.push({
        total,
        llm,
        tts,
        product: total - llm - tts,
        beforeModel: firstModelRequest ? firstModelRequest.startedAt - t.finalTranscriptAt : NaN,
        voicePipeline,
        endToFinal: t.endOfSpeechAt === undefined ? undefined : t.finalTranscriptAt - t.endOfSpeechAt,
      });
    }
    const stat = (values: number[], q: number) =>
      percentileOfSorted(
        [...values].sort((a, b) => a - b),
        q,
      );
    const column = (key: 'total' | 'llm' | 'tts' | 'product' | 'beforeModel' | 'voicePipeline') => rows.map((r) => r[key]);
    const endToFinal = rows.flatMap((r) => (r.endToFinal === undefined ? [] : [r.endToFinal]));
    const latencyTable = [
      ['final transcript → first frame (total)', ...['total'].flatMap(() => [stat(column('total'), 0.5), stat(column('total'), 0.95)])],
      ['  waiting on the model (fake Anthropic)', stat(column('llm'), 0.5), stat(column('llm'), 0.95)],
      ['  waiting on TTS first byte (fake Deepgram)', stat(column('tts'), 0.5), stat(column('tts'), 0.95)],
      ["  product's own share", stat(column('product'), 0.5), stat(column('product'), 0.95)],
      ['    of which before the model request (store, route, retrieve)', stat(column('beforeModel'), 0.5), stat(column('beforeModel'), 0.95)],
      ['    of which voice pipeline (sentence → TTS request, TTS byte → frame)', stat(column('voicePipeline'), 0.5), stat(column('voicePipeline'), 0.95)],
      ['end of speech → final transcript', stat(endToFinal, 0.5), stat(endToFinal, 0.95)],
    ].map(([name, p50, p95]) => [name as string, formatFixed(p50 as number, 1), formatFixed(p95 as number, 1)]);
    process.stdout.write(
      `\nLatency per turn (${rows.length} turns; STT final +${sttFinalMs} ms, TTS first byte ${ttsFirstByteMs} ms, model first token ${llmFirstTokenMs} ms at ${tokensPerSecond} tokens/s)\n`,
    );
    process.stdout.write(formatTable(['milliseconds', 'p50', 'p95'], latencyTable) + '\n');

    // --- 2. concurrent calls ---
    gc();
    await new Promise((r) => setTimeout(r, 1000));
    gc();
    const capacity: Array<{ calls: number; frames: number; p50: number; p99: number; max: number; heapPerCallMb: number }> = [];
    for (const level of levels) {
      reportProgress(`capacity: ${level} concurrent calls`);
      anthropic.reset();
      anthropic.script(...Array.from({ length: level * 4 }, () => ({ reply: LONG_ANSWER })));
      const lateness: number[] = [];
      let measuring = false;
      media.observers = { onFrameLateness: (ms) => measuring && lateness.push(ms) };
      const callers: SimulatedCaller[] = [];
      const asked: Array<Promise<number>> = [];
      for (let i = 0; i < level; i++) {
        const caller = newCaller();
        callers.push(caller);
        await caller.call();
        asked.push(caller.say(clips[0]).then(() => caller.framesReceived.length));
        await new Promise((r) => setTimeout(r, Math.max(5, 1000 / level)));
      }
      // Measure once every caller is hearing its answer.
      const afterQuestion = await Promise.all(asked);
      await callers[0].waitFor(() => callers.every((c, i) => c.framesReceived.length > afterQuestion[i] + 25), 60_000, 'every answer to start');
      measuring = true;
      await new Promise((r) => setTimeout(r, holdS * 1000));
      measuring = false;
      gc();
      const loaded = process.memoryUsage();
      for (const caller of callers) caller.hangUp();
      await Promise.all(callers.map((c) => c.closed));
      await new Promise((r) => setTimeout(r, 1000));
      gc();
      const baseline = process.memoryUsage();

      const sorted = lateness.sort((a, b) => a - b);
      capacity.push({
        calls: level,
        frames: sorted.length,
        p50: percentileOfSorted(sorted, 0.5),
        p99: percentileOfSorted(sorted, 0.99),
        max: sorted[sorted.length - 1] ?? NaN,
        heapPerCallMb: (loaded.heapUsed + loaded.external - baseline.heapUsed - baseline.external) / level / 1e6,
      });
      if (percentileOfSorted(sorted, 0.99) >= 20) break;
    }
    process.stdout.write(
      `\nConcurrent calls (each hearing a long answer; lateness = send time against the 20 ms schedule; ${holdS} s window;\nmemory = heap + external with the calls up minus after they hung up, simulated callers and fakes included)\n`,
    );
    process.stdout.write(
      formatTable(
        ['calls', 'frames sent', 'lateness p50 ms', 'p99 ms', 'max ms', 'heap+external MB/call'],
        capacity.map((c) => [c.calls, c.frames, formatFixed(c.p50, 2), formatFixed(c.p99, 2), formatFixed(c.max, 1), formatFixed(c.heapPerCallMb, 2)]),
      ) + '\n',
    );
    const carried = capacity.filter((c) => c.p99 < 20).map((c) => c.calls);
    process.stdout.write(
      `\nCarried with pacing jitter p99 < 20 ms: ${carried.length ? Math.max(...carried) : 0} concurrent calls (highest level tried: ${capacity[capacity.length - 1]?.calls}).\n`,
    );
    const json = flags.get('json');
    if (json)
      writeFileSync(
        json,
        JSON.stringify({ settings: { turns, sttFinalMs, ttsFirstByteMs, llmFirstTokenMs, tokensPerSecond, holdS }, turns: rows, capacity }, null, 2),
      );
  } finally {
    media.observers = {};
    await gateway.close();
    await twilio.close();
    await llmProxy.close();
    await anthropic.close();
    await deepgram.close();
  }
}

main().catch((error) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
