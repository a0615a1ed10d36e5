import { FramePacer, MulawFramer, mulawDurationMs, SentenceSplitter, TextToSpeech, toSpeakable } from '@support/channels';

interface SpokenSentence {
  text: string;
  mark: string;
  durationMs: number;
}

export interface PlaybackTimings {
  /** The first sentence was complete and went to synthesis. */
  firstSentenceAt?: number;
  firstTtsByteAt?: number;
  firstFrameAt?: number;
}

export interface CutOff {
  /** What the caller heard, judged from the marks Twilio echoed and the time since. */
  heard: string;
  /** What they did not hear. */
  unheard: string;
}

/**
 * Speaks one reply: text streams in, is cut into sentences, each synthesised as soon as it is
 * complete and queued on the call's pacer with a mark after it. `heard` resolves once Twilio echoes
 * the last mark (everything was played), or when the playback is cancelled (barge-in).
 */
export class ReplyPlayback {
  readonly timings: PlaybackTimings = {};
  private readonly splitter = new SentenceSplitter();
  private readonly sentences: SpokenSentence[] = [];
  private readonly pendingText: string[] = [];
  private readonly abort = new AbortController();
  private readonly echoed = new Set<string>();
  private lastEchoAt: number | undefined;
  private startedAt: number | undefined;
  private textEnded = false;
  private synthesising = false;
  private cancelled = false;
  /** The sentence being synthesised now: no longer pending, not yet queued; unheard if the caller cuts in. */
  private inSynthesis: string | null = null;
  private resolveHeard!: () => void;
  readonly heard = new Promise<void>((resolve) => (this.resolveHeard = resolve));

  constructor(
    private readonly id: string,
    private readonly tts: TextToSpeech,
    private readonly pacer: FramePacer,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** True while audio of this reply is queued or playing, or still to come. */
  get active(): boolean {
    return !this.cancelled && !this.finished();
  }

  ownsMark(name: string): boolean {
    return name.startsWith(`${this.id}.`);
  }

  pushText(delta: string): void {
    if (this.cancelled) return;
    this.enqueue(this.splitter.push(delta));
  }

  endText(): void {
    if (this.cancelled || this.textEnded) return;
    this.enqueue(this.splitter.flush());
    this.textEnded = true;
    this.settleIfDone();
  }

  /** Twilio played everything queued before this mark. */
  markEchoed(name: string): void {
    if (this.cancelled || !this.ownsMark(name)) return;
    this.echoed.add(name);
    this.lastEchoAt = performance.now();
    this.settleIfDone();
  }

  /** Barge-in: stop synthesis, drop queued audio, and work out where the caller cut in. */
  cancel(): CutOff {
    const cut = this.cutOff();
    this.cancelled = true;
    this.abort.abort();
    this.pendingText.length = 0;
    this.resolveHeard();
    return cut;
  }

  /** Hang-up: stop everything, no bookkeeping. */
  dispose(): void {
    this.cancelled = true;
    this.abort.abort();
    this.resolveHeard();
  }

  private enqueue(sentences: string[]): void {
    for (const sentence of sentences) {
      const speakable = toSpeakable(sentence);
      if (!speakable) continue;
      this.timings.firstSentenceAt ??= performance.now();
      this.pendingText.push(speakable);
    }
    void this.synthesiseQueued();
  }

  private async synthesiseQueued(): Promise<void> {
    if (this.synthesising) return;
    this.synthesising = true;
    try {
      while (this.pendingText.length && !this.cancelled) {
        const text = this.pendingText.shift()!;
        this.inSynthesis = text;
        const framer = new MulawFramer();
        let bytes = 0;
        for await (const chunk of this.tts.synthesize(text, this.abort.signal)) {
          if (this.cancelled) break;
          this.timings.firstTtsByteAt ??= performance.now();
          bytes += chunk.length;
          this.startedAt ??= performance.now();
          this.pacer.enqueueFrames(framer.push(chunk));
        }
        if (this.cancelled) break;
        this.pacer.enqueueFrames(framer.flush());
        const mark = `${this.id}.${this.sentences.length}`;
        this.sentences.push({ text, mark, durationMs: mulawDurationMs(bytes) });
        this.inSynthesis = null;
        this.pacer.enqueueMark(mark);
      }
    } catch (error) {
      if (!this.cancelled) this.onError(error);
    } finally {
      this.synthesising = false;
      this.settleIfDone();
    }
  }

  private finished(): boolean {
    return this.textEnded && !this.synthesising && this.pendingText.length === 0 && this.sentences.every((s) => this.echoed.has(s.mark));
  }

  private settleIfDone(): void {
    if (!this.cancelled && this.finished()) this.resolveHeard();
  }

  private cutOff(): CutOff {
    const heard: string[] = [];
    const unheard: string[] = [];
    let partialDone = false;
    for (const sentence of this.sentences) {
      if (this.echoed.has(sentence.mark)) {
        heard.push(sentence.text);
        continue;
      }
      if (!partialDone && this.startedAt !== undefined) {
        // Twilio plays in real time: the time since the last echoed mark is how far into this sentence the caller got.
        const since = performance.now() - (this.lastEchoAt ?? this.startedAt);
        const words = sentence.text.split(/\s+/);
        const spoken = Math.max(0, Math.min(words.length, Math.floor((since / Math.max(1, sentence.durationMs)) * words.length)));
        if (spoken) heard.push(words.slice(0, spoken).join(' '));
        if (spoken < words.length) unheard.push(words.slice(spoken).join(' '));
        partialDone = true;
        continue;
      }
      unheard.push(sentence.text);
    }
    if (this.inSynthesis) unheard.push(this.inSynthesis);
    unheard.push(...this.pendingText);
    return { heard: heard.join(' '), unheard: unheard.join(' ') };
  }
}
