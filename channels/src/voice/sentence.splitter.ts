/** Where a sentence may end: . ! ? (and …) followed by space, or a line break. */
const BOUNDARY = /([.!?…]+["')\]]*)(\s+)|\n+/g;
/** A sentence shorter than this is held and joined with the next ("Hi." "Sure."), so TTS gets natural chunks. */
const MIN_SENTENCE_CHARS = 12;

/**
 * Cuts streamed model text into sentences as soon as each is complete, so each can be spoken while
 * the rest is still being written. Abbreviations like "e.g. " may split early; that costs a short pause only.
 */
export class SentenceSplitter {
  private buffer = '';

  /** Adds streamed text; returns the sentences it completed. */
  push(delta: string): string[] {
    this.buffer += delta;
    const sentences: string[] = [];
    let start = 0;
    BOUNDARY.lastIndex = 0;
    for (let match = BOUNDARY.exec(this.buffer); match; match = BOUNDARY.exec(this.buffer)) {
      const end = match.index + (match[1]?.length ?? 0);
      const candidate = this.buffer.slice(start, end).trim();
      if (candidate.length >= MIN_SENTENCE_CHARS || (match[1] === undefined && candidate)) {
        sentences.push(candidate);
        start = BOUNDARY.lastIndex;
      }
    }
    this.buffer = this.buffer.slice(start);
    return sentences;
  }

  /** The text after the last boundary, once the stream has ended. */
  flush(): string[] {
    const rest = this.buffer.trim();
    this.buffer = '';
    return rest ? [rest] : [];
  }
}
