import { DeepgramClient } from '@deepgram/sdk';
import { ProviderError } from '@support/platform';
import { MULAW_SAMPLE_RATE } from '../mulaw.codec';
import { SpeechToText, SpeechToTextEvents, SpeechToTextOptions, SpeechToTextStream } from './speech-to-text';

export interface DeepgramSttSettings {
  apiKey: string;
  /** DEEPGRAM_BASE_URL; the SDK uses it for REST and WebSockets alike. */
  baseUrl?: string;
  model: string;
  language?: string;
  /** Deepgram closes a socket that gets neither audio nor KeepAlive for 10 s (NET-0001); 3–5 s is advised. */
  keepAliveMs?: number;
}

type ListenSocket = Awaited<ReturnType<DeepgramClient['listen']['v1']['connect']>>;

/** Deepgram live transcription (`/v1/listen` WebSocket) through `@deepgram/sdk` v5. */
export class DeepgramSpeechToText extends SpeechToText {
  readonly capabilities = { interimResults: true, vadEvents: true };
  private readonly client: DeepgramClient;

  constructor(private readonly settings: DeepgramSttSettings) {
    super();
    // Reconnects are ReconnectingSpeechToText's job, in one place; the SDK's own would resend nothing.
    this.client = new DeepgramClient({ apiKey: settings.apiKey, baseUrl: settings.baseUrl, reconnect: false });
  }

  async open(options: SpeechToTextOptions, events: SpeechToTextEvents): Promise<SpeechToTextStream> {
    const socket = await this.client.listen.v1.connect({
      model: this.settings.model,
      language: this.settings.language ?? 'en',
      encoding: 'mulaw',
      sample_rate: MULAW_SAMPLE_RATE,
      channels: 1,
      interim_results: 'true',
      endpointing: options.endpointingMs,
      utterance_end_ms: options.utteranceEndMs,
      vad_events: 'true',
      smart_format: 'true',
      punctuate: 'true',
      reconnectAttempts: 0,
      connectionTimeoutInSeconds: 5,
    });
    const stream = new DeepgramListenStream(socket, events, this.settings.keepAliveMs ?? 4000);
    await stream.start();
    return stream;
  }
}

class DeepgramListenStream implements SpeechToTextStream {
  private closing = false;
  private ended = false;
  private lastSendAt = Date.now();
  private keepAliveTimer: NodeJS.Timeout | undefined;
  private resolveClosed: (() => void) | undefined;
  private readonly closedPromise = new Promise<void>((resolve) => (this.resolveClosed = resolve));

  constructor(
    private readonly socket: ListenSocket,
    private readonly events: SpeechToTextEvents,
    private readonly keepAliveMs: number,
  ) {}

  async start(): Promise<void> {
    this.socket.on('message', (message) => {
      if (message.type === 'Results') {
        const alternative = message.channel.alternatives[0];
        const words = alternative?.words ?? [];
        this.events.onTranscript({
          text: alternative?.transcript ?? '',
          isFinal: !!message.is_final,
          speechFinal: !!message.speech_final,
          endSec: words.length ? words[words.length - 1].end : undefined,
        });
      } else if (message.type === 'SpeechStarted') this.events.onSpeechStarted();
      else if (message.type === 'UtteranceEnd') this.events.onUtteranceEnd();
    });
    this.socket.on(
      'close',
      (event) =>
        this.ended ||
        this.end(
          event.code === 1000 && this.closing
            ? undefined
            : new ProviderError('deepgram', `live transcription closed (${event.code} ${event.reason || 'no reason'})`, true),
        ),
    );
    this.socket.on('error', () => undefined); // a close event follows and carries the outcome
    this.socket.connect();
    try {
      await this.socket.waitForOpen();
    } catch (error) {
      this.ended = true;
      this.socket.close();
      throw new ProviderError('deepgram', `live transcription did not open: ${(error as Error).message}`, true);
    }
    this.keepAliveTimer = setInterval(
      () => {
        if (Date.now() - this.lastSendAt >= this.keepAliveMs) this.sendKeepAlive();
      },
      Math.max(250, Math.floor(this.keepAliveMs / 2)),
    );
  }

  send(audio: Uint8Array): void {
    if (this.ended || this.closing || this.socket.readyState !== 1) return;
    this.socket.sendMedia(audio);
    this.lastSendAt = Date.now();
  }

  async close(): Promise<void> {
    if (this.ended) return;
    if (!this.closing) {
      this.closing = true;
      if (this.socket.readyState === 1) this.socket.sendCloseStream({ type: 'CloseStream' });
      // Deepgram answers CloseStream with the last results, Metadata, then a 1000 close; don't wait forever.
      const forced = setTimeout(() => this.end(undefined), 1500);
      await this.closedPromise;
      clearTimeout(forced);
    }
    await this.closedPromise;
  }

  private sendKeepAlive(): void {
    if (this.socket.readyState !== 1) return;
    this.socket.sendKeepAlive({ type: 'KeepAlive' });
    this.lastSendAt = Date.now();
  }

  private end(error: Error | undefined): void {
    if (this.ended) return;
    this.ended = true;
    if (this.keepAliveTimer) clearInterval(this.keepAliveTimer);
    this.socket.close();
    this.resolveClosed?.();
    if (error && !this.closing) this.events.onClosed(error);
  }
}
