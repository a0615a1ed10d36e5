import { PiiRedactor } from './pii-redactor';
import { PiiVault } from './pii-vault';

const LONGEST_PLACEHOLDER = 24;

/**
 * One conversation's view through the redactor: what goes to a model provider is redacted with
 * one vault (the same value keeps the same placeholder), and what comes back is restored.
 */
export class ConversationRedaction {
  private readonly vault = new PiiVault();

  constructor(private readonly redactor: PiiRedactor) {}

  redact(text: string): string {
    return this.redactor.redact(text, this.vault).text;
  }

  restore(text: string): string {
    return this.vault.restore(text);
  }

  /**
   * Redacts every string inside a JSON-like value (tool results, turn records). Values under id
   * keys (`order_id`, `item_ids`, `trackingIds`…) are references, not personal data, and stay.
   */
  redactDeep<T>(value: T): T {
    return mapStrings(value, (s) => this.redact(s), REFERENCE_KEY);
  }

  /** A tool result: JSON is redacted field by field (ids kept), anything else as text. */
  redactToolResult(content: string): string {
    try {
      return JSON.stringify(this.redactDeep(JSON.parse(content)));
    } catch {
      return this.redact(content);
    }
  }

  /** Restores every string inside a JSON-like value (a model's tool arguments). */
  restoreDeep<T>(value: T): T {
    return mapStrings(value, (s) => this.restore(s));
  }

  /**
   * Restores placeholders in a stream of text pieces, holding back a piece that may end inside a
   * placeholder (`… at [EMA`) until the rest arrives. Call `flush` at the end.
   */
  streamRestorer(onText: (text: string) => void): { push(delta: string): void; flush(): void } {
    let pending = '';
    return {
      push: (delta) => {
        pending += delta;
        const open = pending.lastIndexOf('[');
        const held = open >= 0 && !pending.slice(open).includes(']') && pending.length - open <= LONGEST_PLACEHOLDER ? pending.slice(open) : '';
        const ready = pending.slice(0, pending.length - held.length);
        pending = held;
        if (ready) onText(this.restore(ready));
      },
      flush: () => {
        if (pending) onText(this.restore(pending));
        pending = '';
      },
    };
  }
}

const REFERENCE_KEY = /(^id$|_ids?$|[a-z]Ids?$)/;

function mapStrings<T>(value: T, map: (s: string) => string, skipKey?: RegExp): T {
  if (typeof value === 'string') return map(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, map, skipKey)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, skipKey?.test(k) ? v : mapStrings(v, map, skipKey)])) as T;
  }
  return value;
}
