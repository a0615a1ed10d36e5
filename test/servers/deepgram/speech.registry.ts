import { MULAW_SAMPLE_RATE, mulawRms } from '@support/channels';

/** A frame louder than this (RMS of 16-bit samples) is speech. */
export const SPEECH_RMS = 300;
const PROBE_BYTES = 320;
const PROBE_EVERY_BYTES = MULAW_SAMPLE_RATE / 4;

interface Entry {
  transcript: string;
  probes: Buffer[];
}

/**
 * What the fake "recognises": clips the test made (espeak-ng + sox) are registered with their
 * transcript. The fake still has to receive the audio over the socket: it finds a clip by looking
 * for byte runs of that clip (probes every 250 ms of its speech) in the audio it was sent.
 */
export class SpeechRegistry {
  private readonly entries: Entry[] = [];

  register(mulaw: Buffer, transcript: string): void {
    const { start, end } = speechBounds(mulaw);
    const probes: Buffer[] = [];
    for (let offset = start; offset + PROBE_BYTES <= end; offset += PROBE_EVERY_BYTES) probes.push(mulaw.subarray(offset, offset + PROBE_BYTES));
    if (probes.length === 0) probes.push(mulaw.subarray(start, Math.min(end, start + PROBE_BYTES)));
    this.entries.push({ transcript, probes });
  }

  /** The transcript of the registered speech in `audio`, or as much of it as was heard so far. */
  recognise(audio: Buffer): { transcript: string; complete: boolean } | null {
    let best: { entry: Entry; matched: number; lastIndex: number } | null = null;
    for (const entry of this.entries) {
      let matched = 0;
      let lastIndex = -1;
      entry.probes.forEach((probe, index) => {
        if (audio.indexOf(probe) >= 0) {
          matched++;
          lastIndex = index;
        }
      });
      if (matched && (!best || matched / entry.probes.length > best.matched / best.entry.probes.length)) best = { entry, matched, lastIndex };
    }
    if (!best) return null;
    const words = best.entry.transcript.split(/\s+/);
    const heard = (best.lastIndex + 1) / best.entry.probes.length;
    const complete = heard >= 0.75;
    return { transcript: complete ? best.entry.transcript : words.slice(0, Math.max(1, Math.floor(words.length * heard))).join(' '), complete };
  }
}

/** First and last byte of the clip that are speech, by 20 ms frames. */
export function speechBounds(mulaw: Buffer): { start: number; end: number } {
  let start = -1;
  let end = 0;
  for (let offset = 0; offset + 160 <= mulaw.length; offset += 160) {
    if (mulawRms(mulaw.subarray(offset, offset + 160)) > SPEECH_RMS) {
      if (start < 0) start = offset;
      end = offset + 160;
    }
  }
  return start < 0 ? { start: 0, end: mulaw.length } : { start, end };
}
