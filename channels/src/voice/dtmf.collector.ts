/**
 * Gathers keypad digits into one entry: `#` ends it, `*` starts over, and a pause of `interDigitMs`
 * ends it too (callers often forget the `#`).
 */
export class DtmfCollector {
  private digits = '';
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onEntry: (digits: string) => void,
    private readonly interDigitMs = 3000,
  ) {}

  get collecting(): boolean {
    return this.digits.length > 0;
  }

  press(digit: string): void {
    this.stopTimer();
    if (digit === '#') return this.finish();
    if (digit === '*') {
      this.digits = '';
      return;
    }
    if (!/^[0-9]$/.test(digit)) return;
    this.digits += digit;
    this.timer = setTimeout(() => this.finish(), this.interDigitMs);
  }

  close(): void {
    this.stopTimer();
    this.digits = '';
  }

  private finish(): void {
    this.stopTimer();
    const entry = this.digits;
    this.digits = '';
    if (entry) this.onEntry(entry);
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
