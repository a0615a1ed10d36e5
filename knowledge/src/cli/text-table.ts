/** Plain-text table; columns whose cells are all numbers are right-aligned. */
export function formatTable(headers: string[], rows: Array<Array<string | number>>): string {
  const text = rows.map((row) => row.map(String));
  const widths = headers.map((header, c) => Math.max(header.length, ...text.map((row) => (row[c] ?? '').length)));
  const numeric = headers.map((_, c) => rows.length > 0 && rows.every((row) => typeof row[c] === 'number' || /^-?[\d.]+%?$/.test(String(row[c]))));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}
