/** Reports progress of a long step on stderr, so stdout stays clean for tables and figures. */
export function reportProgress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
