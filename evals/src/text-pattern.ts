/**
 * A pattern from a scenario file: `/…/flags` is a regular expression, anything else a case-insensitive
 * substring (for `matchesWhole`, a case-insensitive equality).
 */
export class TextPattern {
  private readonly regex: RegExp | null;

  constructor(readonly source: string) {
    const literal = /^\/(.+)\/([a-z]*)$/s.exec(source);
    this.regex = literal ? new RegExp(literal[1], literal[2]) : null;
  }

  /** The text contains the substring, or the regular expression finds a match in it. */
  foundIn(text: string): boolean {
    if (this.regex) {
      this.regex.lastIndex = 0;
      return this.regex.test(text);
    }
    return text.toLowerCase().includes(this.source.toLowerCase());
  }

  /** The whole value equals the string (ignoring case and surrounding spaces), or the regular expression matches it. */
  matchesWhole(value: string): boolean {
    if (this.regex) return this.foundIn(value);
    return value.trim().toLowerCase() === this.source.trim().toLowerCase();
  }

  toString(): string {
    return this.regex ? this.source : JSON.stringify(this.source);
  }
}
