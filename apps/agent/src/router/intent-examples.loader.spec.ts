import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadIntentExamples } from './intent-examples.loader';

function writeJsonl(lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'intent-examples-')), 'examples.jsonl');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe(loadIntentExamples.name, () => {
  it('reads text and intent from each line, skipping blank lines', () => {
    const file = writeJsonl(['{"text":"where is my order","intent":"wismo","id":"a1"}', '', '{"text":"reset password","intent":"login"}']);

    expect(loadIntentExamples(file)).toEqual([
      { text: 'where is my order', intent: 'wismo' },
      { text: 'reset password', intent: 'login' },
    ]);
  });

  it('names the file and line of a row without an intent', () => {
    const file = writeJsonl(['{"text":"where is my order","intent":"wismo"}', '{"text":"reset password"}']);

    expect(() => loadIntentExamples(file)).toThrow(`${file}:2: needs non-empty string fields "text" and "intent"`);
  });

  it('names the file and line of a line that is not JSON', () => {
    const file = writeJsonl(['{"text":"where is my order","intent":"wismo"}', '{oops']);

    expect(() => loadIntentExamples(file)).toThrow(`${file}:2: not valid JSON`);
  });

  it('says when the file does not exist', () => {
    expect(() => loadIntentExamples('/nowhere/examples.jsonl')).toThrow('/nowhere/examples.jsonl: file not found');
  });
});
