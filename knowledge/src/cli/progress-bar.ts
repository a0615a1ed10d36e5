/**
 * "embedding chunks [#####.....] 120/361" on stderr, so stdout keeps only the summary. Redrawn in place on a
 * terminal; elsewhere (CI logs, pipes) a line at every tenth.
 */
export class ProgressBar {
  private lastDecile = -1;
  private drawn = false;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly width = 30,
  ) {}

  update(done: number, total: number): void {
    if (total <= 0) return;
    const share = Math.min(1, done / total);
    const filled = Math.round(share * this.width);
    const line = `${this.label} [${'#'.repeat(filled)}${'.'.repeat(this.width - filled)}] ${done}/${total}`;
    if (this.stream.isTTY) {
      this.stream.write(`\r${line}`);
      this.drawn = true;
      return;
    }
    const decile = Math.floor(share * 10);
    if (decile !== this.lastDecile) {
      this.lastDecile = decile;
      this.stream.write(`${line}\n`);
    }
  }

  finish(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
    this.lastDecile = -1;
  }
}
