import { SpeechToText, SpeechToTextEvents, SpeechToTextOptions, SpeechToTextStream } from '../speech-to-text';

/**
 * A `SpeechToText` for unit tests: the test says what the caller said (`hear`), or drops the
 * stream (`drop`); the fake records every byte of audio it was sent and every stream it opened.
 */
export class ScriptedSpeechToText extends SpeechToText {
  readonly capabilities = { interimResults: true, vadEvents: true };
  readonly streams: ScriptedSttStream[] = [];
  /** Opening fails this many more times (a provider that is down). */
  failNextOpens = 0;

  async open(_options: SpeechToTextOptions, events: SpeechToTextEvents): Promise<SpeechToTextStream> {
    if (this.failNextOpens > 0) {
      this.failNextOpens--;
      throw new Error('scripted open failure');
    }
    const stream = new ScriptedSttStream(events);
    this.streams.push(stream);
    return stream;
  }

  get current(): ScriptedSttStream {
    return this.streams[this.streams.length - 1];
  }

  get openStreams(): number {
    return this.streams.filter((s) => !s.closed).length;
  }
}

export class ScriptedSttStream implements SpeechToTextStream {
  readonly audio: Uint8Array[] = [];
  closed = false;

  constructor(private readonly events: SpeechToTextEvents) {}

  get bytesReceived(): number {
    return this.audio.reduce((n, a) => n + a.length, 0);
  }

  send(audio: Uint8Array): void {
    if (!this.closed) this.audio.push(audio);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** The caller starts speaking, then says `text`: speech started, an interim, the final with endpointing. */
  hear(text: string, endSec = this.bytesReceived / 8000): void {
    this.events.onSpeechStarted();
    this.events.onTranscript({ text: text.split(' ').slice(0, 2).join(' '), isFinal: false, speechFinal: false, endSec });
    this.events.onTranscript({ text, isFinal: true, speechFinal: true, endSec });
  }

  speechStarted(): void {
    this.events.onSpeechStarted();
  }

  utteranceEnd(): void {
    this.events.onUtteranceEnd();
  }

  drop(error = new Error('socket dropped')): void {
    this.closed = true;
    this.events.onClosed(error);
  }
}
