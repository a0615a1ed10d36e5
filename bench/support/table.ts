export type TableCell = string | number;

/** Formats rows as a plain-text table with a header rule; numeric columns are right-aligned, text left-aligned. */
export function formatTable(headers: string[], rows: TableCell[][]): string {
  const text = rows.map((row) => row.map((cell) => String(cell)));
  const widths = headers.map((header, column) => Math.max(header.length, ...text.map((row) => (row[column] ?? '').length)));
  const alignRight = headers.map((_, column) => rows.length > 0 && rows.every((row) => isNumeric(row[column])));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (alignRight[column] ? cell.padStart(widths[column]) : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...text.map(line)].join('\n');
}

/** Formats a number with a fixed count of decimals, or '-' when there is no figure. */
export function formatFixed(value: number | undefined, decimals: number): string {
  return value === undefined || Number.isNaN(value) ? '-' : value.toFixed(decimals);
}

function isNumeric(cell: TableCell | undefined): boolean {
  return typeof cell === 'number' || cell === '-' || (typeof cell === 'string' && cell.trim() !== '' && Number.isFinite(Number(cell)));
}
