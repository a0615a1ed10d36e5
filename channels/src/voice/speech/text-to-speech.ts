/**
 * Text in, audio out: μ-law 8 kHz mono bytes streamed as they are synthesised, in chunks of any
 * size. Aborting `signal` stops synthesis (barge-in) and ends the iteration without an error.
 */
export abstract class TextToSpeech {
  abstract synthesize(text: string, signal: AbortSignal): AsyncIterable<Uint8Array>;
}
