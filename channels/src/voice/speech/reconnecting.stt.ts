import { MULAW_SAMPLE_RATE } from '../mulaw.codec';
import { SpeechToText, SpeechToTextEvents, SpeechToTextOptions, SpeechToTextStream } from './speech-to-text';

export interface ReconnectPolicy {
  attempts: number;
  /** Delay before attempt n is `backoffMs · 2^(n-1)`. */
  backoffMs: number;
  /** Audio kept while reconnecting, sent once the new stream is open, so words spoken meanwhile are not lost. */
  bufferMs: number;
  /** Told about each reconnect (for logs and metrics). */
  onReconnect?: (attempt: number, error: Error) => void;
}

/**
 * A `SpeechToText` that reopens its inner stream when it drops mid-call, keeps the audio sent in
 * between, and shifts result times so they stay counted from the start of the call.
 */
export class ReconnectingSpeechToText extends SpeechToText {
  constructor(
    private readonly inner: SpeechToText,
    private readonly policy: ReconnectPolicy,
  ) {
    super();
  }

  get capabilities() {
    return this.inner.capabilities;
  }

  async open(options: SpeechToTextOptions, events: SpeechToTextEvents): Promise<SpeechToTextStream> {
    const stream = new ReconnectingStream(this.inner, this.policy, options, events);
    await stream.start();
    return stream;
  }
}

class ReconnectingStream implements SpeechToTextStream {
  private current: SpeechToTextStream | undefined;
  private bytesSent = 0;
  private offsetSec = 0;
  private buffered: Uint8Array[] = [];
  private bufferedBytes = 0;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private wakeRetry: (() => void) | undefined;

  constructor(
    private readonly inner: SpeechToText,
    private readonly policy: ReconnectPolicy,
    private readonly options: SpeechToTextOptions,
    private readonly events: SpeechToTextEvents,
  ) {}

  async start(): Promise<void> {
    this.current = await this.openInner();
  }

  send(audio: Uint8Array): void {
    if (this.closed) return;
    if (this.current) {
      this.current.send(audio);
      this.bytesSent += audio.length;
      return;
    }
    this.buffered.push(audio);
    this.bufferedBytes += audio.length;
    const limit = (this.policy.bufferMs / 1000) * MULAW_SAMPLE_RATE;
    while (this.bufferedBytes > limit && this.buffered.length) {
      const dropped = this.buffered.shift()!;
      this.bufferedBytes -= dropped.length;
      this.bytesSent += dropped.length; // dropped audio still moves the clock
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.wakeRetry?.();
    const current = this.current;
    this.current = undefined;
    this.buffered = [];
    await current?.close();
  }

  private openInner(): Promise<SpeechToTextStream> {
    const offset = () => this.offsetSec;
    let live = true;
    return this.inner.open(this.options, {
      onSpeechStarted: () => live && this.events.onSpeechStarted(),
      onTranscript: (t) => live && this.events.onTranscript({ ...t, endSec: t.endSec === undefined ? undefined : t.endSec + offset() }),
      onUtteranceEnd: () => live && this.events.onUtteranceEnd(),
      onClosed: (error) => {
        if (!live) return;
        live = false;
        void this.reconnect(error);
      },
    });
  }

  private async reconnect(error: Error): Promise<void> {
    this.current = undefined;
    for (let attempt = 1; attempt <= this.policy.attempts && !this.closed; attempt++) {
      this.policy.onReconnect?.(attempt, error);
      await new Promise<void>((resolve) => {
        this.wakeRetry = resolve;
        this.retryTimer = setTimeout(resolve, this.policy.backoffMs * 2 ** (attempt - 1));
      });
      this.retryTimer = undefined;
      this.wakeRetry = undefined;
      if (this.closed) return;
      try {
        const stream = await this.openInner();
        if (this.closed) return void (await stream.close());
        this.offsetSec = this.bytesSent / MULAW_SAMPLE_RATE;
        this.current = stream;
        const pending = this.buffered;
        this.buffered = [];
        this.bufferedBytes = 0;
        for (const audio of pending) this.send(audio);
        return;
      } catch (reopenError) {
        error = reopenError as Error;
      }
    }
    if (!this.closed) this.events.onClosed(error);
  }
}
