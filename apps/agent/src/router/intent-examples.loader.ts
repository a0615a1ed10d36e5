import { existsSync, readFileSync } from 'node:fs';
import { IntentDataError } from './intent-data.error';
import { IntentExample } from './intent-example';

/**
 * Reads labelled examples from a JSON-lines file, one `{"text": "...", "intent": "..."}` per line (other fields
 * are ignored; blank lines are skipped). Throws IntentDataError naming the file and line of the first bad row.
 */
export function loadIntentExamples(filePath: string): IntentExample[] {
  if (!existsSync(filePath)) {
    throw new IntentDataError(`${filePath}: file not found; give the path of a JSONL file of {"text","intent"} rows`);
  }
  const examples: IntentExample[] = [];
  readFileSync(filePath, 'utf8')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === '') return;
      const where = `${filePath}:${index + 1}`;
      let row: unknown;
      try {
        row = JSON.parse(line);
      } catch {
        throw new IntentDataError(`${where}: not valid JSON; each line must be one {"text","intent"} object`);
      }
      const { text, intent } = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
      if (typeof text !== 'string' || text.trim() === '' || typeof intent !== 'string' || intent.trim() === '') {
        throw new IntentDataError(`${where}: needs non-empty string fields "text" and "intent"; fix or remove the row`);
      }
      examples.push({ text, intent });
    });
  if (examples.length === 0) throw new IntentDataError(`${filePath}: no examples; add {"text","intent"} rows`);
  return examples;
}
