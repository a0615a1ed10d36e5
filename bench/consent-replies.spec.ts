import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSENT_LABELS, CONSENT_REPLIES_PATH, readConsentReplies } from './support/consent-replies';

describe('consent replies (bench:consent)', () => {
  const rows = readConsentReplies(CONSENT_REPLIES_PATH);

  it('ships at least 300 labelled replies', () => {
    expect(rows.length).toBeGreaterThanOrEqual(300);
  });

  it('labels every reply yes, no or unclear, each at least a quarter of the set', () => {
    for (const label of CONSENT_LABELS) expect(rows.filter((row) => row.label === label).length).toBeGreaterThanOrEqual(rows.length / 4);
  });

  it('marks at least 60 tricky replies with a note saying why', () => {
    expect(rows.filter((row) => row.note).length).toBeGreaterThanOrEqual(60);
  });

  it('holds no reply twice, ignoring case and spacing', () => {
    const texts = rows.map((row) => row.reply.toLowerCase().replace(/\s+/g, ' ').trim());
    expect(texts.filter((text, index) => texts.indexOf(text) !== index)).toEqual([]);
  });

  it('names the file and line of a reply with an unknown label', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'consent-')), 'bad.jsonl');
    writeFileSync(file, '{"reply":"yes","label":"yes","proposal":"cancel"}\n{"reply":"ok","label":"maybe","proposal":"cancel"}\n');

    expect(() => readConsentReplies(file)).toThrow(`${file}:2: label "maybe" is not one of yes, no, unclear`);
  });
});
