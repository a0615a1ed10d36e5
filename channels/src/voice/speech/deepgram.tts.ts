import { DeepgramClient } from '@deepgram/sdk';
import { ProviderError } from '@support/platform';
import { MULAW_SAMPLE_RATE } from '../mulaw.codec';
import { TextToSpeech } from './text-to-speech';

export interface DeepgramTtsSettings {
  apiKey: string;
  baseUrl?: string;
  /** An Aura voice, e.g. `aura-2-thalia-en`. */
  voice: string;
  timeoutMs?: number;
}

/**
 * Deepgram Aura over REST (`POST /v1/speak`), read as a stream: the first bytes play while the rest
 * is synthesised. `container=none`, or Twilio would play the WAV header as a click.
 */
export class DeepgramTextToSpeech extends TextToSpeech {
  private readonly client: DeepgramClient;

  constructor(private readonly settings: DeepgramTtsSettings) {
    super();
    this.client = new DeepgramClient({ apiKey: settings.apiKey, baseUrl: settings.baseUrl });
  }

  async *synthesize(text: string, signal: AbortSignal): AsyncIterable<Uint8Array> {
    if (signal.aborted) return;
    let body: ReadableStream<Uint8Array> | null;
    try {
      const response = await this.client.speak.v1.audio.generate(
        { text, model: this.settings.voice, encoding: 'mulaw', sample_rate: MULAW_SAMPLE_RATE, container: 'none' },
        { abortSignal: signal, maxRetries: 0, timeoutInSeconds: (this.settings.timeoutMs ?? 10_000) / 1000 },
      );
      body = response.stream();
    } catch (error) {
      if (signal.aborted) return;
      throw new ProviderError('deepgram', `speech synthesis failed: ${(error as Error).message}`, true);
    }
    if (!body) return;
    const reader = body.getReader();
    const cancel = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', cancel, { once: true });
    try {
      while (!signal.aborted) {
        const { done, value } = await reader.read();
        if (done) return;
        if (value?.length) yield value;
      }
    } catch (error) {
      if (signal.aborted) return;
      throw new ProviderError('deepgram', `speech synthesis stream broke: ${(error as Error).message}`, true);
    } finally {
      signal.removeEventListener('abort', cancel);
      cancel();
    }
  }
}
