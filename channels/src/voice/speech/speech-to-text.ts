/** One transcription result. Interim results are replaced by later ones; finals are not. */
export interface Transcript {
  text: string;
  /** This span is final and will not change. */
  isFinal: boolean;
  /** Final, and the recogniser heard a pause after it: a likely end of the caller's turn. */
  speechFinal: boolean;
  /** End of the last word, in seconds of audio since the stream was opened. */
  endSec?: number;
}

/** What a live transcription reports, in order. */
export interface SpeechToTextEvents {
  /** Voice activity began, before any words are known: the earliest barge-in signal. */
  onSpeechStarted(): void;
  onTranscript(transcript: Transcript): void;
  /** A gap in speech long enough to end an utterance, even when no final result said so. */
  onUtteranceEnd(): void;
  /** The stream ended without `close()` being called (a dropped socket, a provider error). */
  onClosed(error: Error): void;
}

export interface SpeechToTextStream {
  /** μ-law 8 kHz mono bytes, as they arrive from the call. */
  send(audio: Uint8Array): void;
  /** Flushes what was heard, then ends the stream. Idempotent. */
  close(): Promise<void>;
}

export interface SpeechToTextCapabilities {
  interimResults: boolean;
  vadEvents: boolean;
}

export interface SpeechToTextOptions {
  /** Silence that finalises a segment (`speech_final`). */
  endpointingMs: number;
  /** Word gap after which an utterance is over regardless of noise. */
  utteranceEndMs: number;
}

/**
 * Live speech to text for one call: audio in, transcripts out. Adapters implement the transport
 * only; reconnects live in `ReconnectingSpeechToText`, which is itself a `SpeechToText`.
 */
export abstract class SpeechToText {
  abstract readonly capabilities: SpeechToTextCapabilities;
  abstract open(options: SpeechToTextOptions, events: SpeechToTextEvents): Promise<SpeechToTextStream>;
}
