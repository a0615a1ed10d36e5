const OPEN = '<answer_meta>';
const CLOSE = '</answer_meta>';

/** What the model says about its own answer, after the text the customer reads. */
export interface AnswerMeta {
  passageIds: string[];
  policyIds: string[];
  confidence: number;
}

/**
 * Splits a streamed reply into the text the customer reads and the trailing
 * `<answer_meta>{json}</answer_meta>` block, holding back a piece that may be the tag's start.
 */
export class AnswerMetaSplitter {
  private visible = '';
  private pending = '';
  private meta: string | null = null;

  constructor(private readonly onText: (text: string) => void) {}

  push(delta: string): void {
    if (this.meta !== null) {
      this.meta += delta;
      return;
    }
    this.pending += delta;
    const start = this.pending.indexOf(OPEN);
    if (start >= 0) {
      this.emit(this.pending.slice(0, start));
      this.meta = this.pending.slice(start + OPEN.length);
      this.pending = '';
      return;
    }
    const hold = longestTagPrefixAtEnd(this.pending);
    this.emit(this.pending.slice(0, this.pending.length - hold));
    this.pending = this.pending.slice(this.pending.length - hold);
  }

  /** The customer's text and the parsed meta (null when the model gave none or it is malformed). */
  finish(): { text: string; meta: AnswerMeta | null } {
    if (this.meta === null) this.emit(this.pending);
    this.pending = '';
    return { text: this.visible.trim(), meta: this.meta === null ? null : parseMeta(this.meta) };
  }

  private emit(text: string): void {
    if (!text) return;
    this.visible += text;
    this.onText(text);
  }
}

function longestTagPrefixAtEnd(text: string): number {
  for (let n = Math.min(OPEN.length - 1, text.length); n > 0; n--) if (OPEN.startsWith(text.slice(-n))) return n;
  return 0;
}

function parseMeta(raw: string): AnswerMeta | null {
  try {
    const json = JSON.parse(raw.split(CLOSE)[0].trim()) as Record<string, unknown>;
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    const confidence = typeof json.confidence === 'number' ? Math.min(1, Math.max(0, json.confidence)) : NaN;
    if (Number.isNaN(confidence)) return null;
    return { passageIds: strings(json.passage_ids), policyIds: strings(json.policy_ids), confidence };
  } catch {
    return null;
  }
}
