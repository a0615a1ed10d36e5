import { MULAW_SAMPLE_RATE, encodeMulaw } from '../../mulaw.codec';
import { TextToSpeech } from '../text-to-speech';

export interface ToneTtsOptions {
  /** Spoken length per character; ~65 ms is a natural speaking rate. */
  msPerCharacter?: number;
  firstByteDelayMs?: number;
  chunkBytes?: number;
}

/** A `TextToSpeech` for unit tests: a 440 Hz tone as long as the text would take to say, in small chunks. */
export class ToneTextToSpeech extends TextToSpeech {
  readonly requests: string[] = [];
  aborted = 0;

  constructor(private readonly options: ToneTtsOptions = {}) {
    super();
  }

  async *synthesize(text: string, signal: AbortSignal): AsyncIterable<Uint8Array> {
    this.requests.push(text);
    const audio = toneFor(text, this.options.msPerCharacter ?? 65);
    if (this.options.firstByteDelayMs) await new Promise((r) => setTimeout(r, this.options.firstByteDelayMs));
    const chunk = this.options.chunkBytes ?? 1000;
    for (let offset = 0; offset < audio.length; offset += chunk) {
      if (signal.aborted) {
        this.aborted++;
        return;
      }
      yield audio.subarray(offset, offset + chunk);
      await new Promise((r) => setImmediate(r));
    }
  }
}

export function toneFor(text: string, msPerCharacter: number): Buffer {
  const samples = Math.max(1, Math.round((text.length * msPerCharacter * MULAW_SAMPLE_RATE) / 1000));
  const pcm = new Int16Array(samples);
  for (let i = 0; i < samples; i++) pcm[i] = Math.round(6000 * Math.sin((2 * Math.PI * 440 * i) / MULAW_SAMPLE_RATE));
  return encodeMulaw(pcm);
}
