import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { loadConfig } from '@support/platform';
import { parseArguments } from './cli-arguments';
import { ingestCommand, reindexCommand } from './ingest.command';
import { removeCommand, sourcesCommand } from './sources.command';

const HELP_CENTER = join(__dirname, '../testing/fixtures/help-center');
const MIXED = join(__dirname, '../ingest/fixtures/mixed');
const DATASET = join(__dirname, '../ingest/fixtures/dataset');

function capture(): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => (text += chunk));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
}

describe('kb ingest', () => {
  let folder: string;
  let config: ReturnType<typeof loadConfig>;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'kb-cli-'));
    config = loadConfig({ DATA_DIR: join(folder, 'data'), HELP_CENTER_DIR: HELP_CENTER });
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  async function kb(command: typeof ingestCommand, argv: string[], flags: string[] = []) {
    const out = capture();
    const err = capture();
    await command(config, parseArguments(argv, flags), out.stream, err.stream);
    return { out: out.text(), err: err.text() };
  }
  const sources = async () => (await kb((c, a, out) => sourcesCommand(c, a, out), [])).out;

  it('fills the product database, with progress on stderr and a summary on stdout', async () => {
    const { out, err } = await kb(reindexCommand, []);

    expect(err).toMatch(/embedding chunks \[#+\] (\d+)\/\1/);
    expect(err).toContain('hashing-v1-512 embeddings');
    expect(out).toMatch(/^4 articles: \d+ chunks added, 0 changed, 0 removed, 0 unchanged/);
    expect(out).toContain('0 skipped');
  }, 60_000);

  it('embeds nothing on a second run over the same folder', async () => {
    const { out } = await kb(ingestCommand, [HELP_CENTER]);

    expect(out).toMatch(/0 chunks added, 0 changed, 0 removed, \d+ unchanged/);
  }, 30_000);

  it('indexes another folder as a source of its own, leaving the help center as it is, and lists what it skipped', async () => {
    const { out } = await kb(ingestCommand, [MIXED]);

    expect(out).toMatch(/^3 articles: \d+ chunks added, 0 changed, 0 removed/);
    expect(out).toContain('empty.md: empty file');
    expect(out).toContain('store-hours.md: no id in front matter');
    expect(out).toContain('source "mixed" is kept until `npm run kb -- remove mixed`');
    expect(await sources()).toMatch(/help-center\s+help-center\s+4\s[\s\S]*mixed\s+manual\s+3\s/);
  }, 30_000);

  it('keeps a hand-ingested source when HELP_CENTER_DIR is indexed again', async () => {
    const { out } = await kb(reindexCommand, []);

    expect(out).toMatch(/0 chunks added, 0 changed, 0 removed/);
    expect(await sources()).toMatch(/mixed\s+manual\s+3\s/);
  }, 30_000);

  it("reads a dataset folder's articles only, and says which files it skipped and why", async () => {
    const { out } = await kb(ingestCommand, [DATASET, '--source', 'stackfaq-dev'], ['source']);

    expect(out).toMatch(/^2 articles: \d+ chunks added/);
    expect(out).toContain('queries_dev.jsonl: retrieval queries (rows have "relevant"), not articles');
    expect(out).toContain('intents.jsonl: labelled examples (rows have "intent"), not articles');
    expect(out).toContain('SOURCE_README.txt: unsupported file type .txt');
  }, 30_000);

  it("refuses a folder that would take another source's name by accident", async () => {
    const copy = join(folder, 'mixed');
    cpSync(MIXED, copy, { recursive: true });

    await expect(kb(ingestCommand, [copy])).rejects.toThrow(
      `source "mixed" is ${MIXED}; give this one another name with --source <name>, or --source mixed if it moved here`,
    );
  }, 30_000);

  it('removes from a source only its own articles that are gone from it', async () => {
    const copy = join(folder, 'mixed');
    rmSync(join(copy, 'gift-cards.md'));

    const { out } = await kb(ingestCommand, [copy, '--source', 'mixed'], ['source']);

    expect(out).toContain('2 articles');
    expect(out).toMatch(/[1-9]\d* removed/);
    expect(await sources()).toMatch(/help-center\s+help-center\s+4\s[\s\S]*mixed\s+manual\s+2\s/);
  }, 30_000);

  it('takes a removed source out of the index and the list, and leaves the others', async () => {
    const { out } = await kb((c, a, o) => removeCommand(c, a, o), ['stackfaq-dev']);

    expect(out).toMatch(/^removed source "stackfaq-dev": [1-9]\d* chunks removed/);
    const listed = await sources();
    expect(listed).not.toContain('stackfaq-dev');
    expect(listed).toMatch(/help-center\s+help-center\s+4\s/);
  }, 30_000);
});
