import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { loadConfig } from '@support/platform';
import { parseArguments } from './cli-arguments';
import { ingestCommand } from './ingest.command';

const HELP_CENTER = join(__dirname, '../testing/fixtures/help-center');
const MIXED = join(__dirname, '../ingest/fixtures/mixed');

function capture(): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

describe('kb ingest', () => {
  let dataDir: string;

  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'kb-cli-'))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function ingest(path: string) {
    const out = capture();
    const err = capture();
    await ingestCommand(loadConfig({ DATA_DIR: dataDir }), parseArguments([path], []), out.stream, err.stream);
    return { out: out.text(), err: err.text() };
  }

  it('fills the product database, with progress on stderr and a summary on stdout', async () => {
    const { out, err } = await ingest(HELP_CENTER);

    expect(err).toMatch(/embedding chunks \[#+\] (\d+)\/\1/);
    expect(err).toContain('hashing-v1-512 embeddings');
    expect(out).toMatch(/^4 articles: \d+ chunks added, 0 changed, 0 removed, 0 unchanged/);
    expect(out).toContain('0 skipped');
  }, 60_000);

  it('embeds nothing on a second run over the same folder', async () => {
    const { out } = await ingest(HELP_CENTER);

    expect(out).toMatch(/0 chunks added, 0 changed, 0 removed, \d+ unchanged/);
  }, 30_000);

  it('lists what it skipped and why, and removes the articles no longer there', async () => {
    const { out } = await ingest(MIXED);

    expect(out).toMatch(/^3 articles: \d+ chunks added, 0 changed, [1-9]\d* removed/);
    expect(out).toContain('empty.md: empty file');
    expect(out).toContain('store-hours.md: no id in front matter');
  }, 30_000);
});
