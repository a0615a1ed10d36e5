import { existsSync, readFileSync } from 'node:fs';

/** A JSONL file that cannot be read, or a row in it that is not what the caller expects; the message names the file and line. */
export class JsonlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonlError';
  }
}

/**
 * Reads a JSON-lines file, one object per non-blank line. `toRow` turns a parsed line into the caller's type and
 * throws a plain Error to reject it; the error is re-thrown as a JsonlError that says which file and line.
 */
export function readJsonl<T>(filePath: string, toRow: (value: unknown) => T): T[] {
  if (!existsSync(filePath)) {
    throw new JsonlError(`${filePath}: file not found; check the path (relative paths resolve from ${process.cwd()})`);
  }
  const rows: T[] = [];
  const lines = readFileSync(filePath, 'utf8').split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${filePath}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new JsonlError(`${where}: not valid JSON (${(error as Error).message}); fix or remove the line`);
    }
    try {
      rows.push(toRow(value));
    } catch (error) {
      throw new JsonlError(`${where}: ${(error as Error).message}`);
    }
  });
  return rows;
}

/** Reads a required non-empty string field of a parsed JSONL object, for use inside `toRow`. */
export function requireStringField(value: unknown, field: string): string {
  const fieldValue = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
  if (typeof fieldValue !== 'string' || fieldValue.trim() === '') {
    throw new Error(`expected a non-empty string "${field}" field; every row needs one`);
  }
  return fieldValue;
}
