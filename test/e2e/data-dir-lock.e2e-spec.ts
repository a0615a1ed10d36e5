import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatClient } from '../support/chat.client';
import { freePort, ProductProcess, runToEnd, startProduct, stopProduct } from '../support/product-process';

const HELP_CENTER = join(__dirname, '../../knowledge/src/testing/fixtures/help-center');
const LOYALTY_SOURCE = join(__dirname, 'fixtures/loyalty-source');
const IN_USE = /^DATA_DIR \S+ is in use by process (\d+) \((npm start|npm run kb), since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)/;

/** What an operator sees running a second `npm start`, or `npm run kb`, on the embedded database of a running product. */
describe('one process per DATA_DIR', () => {
  let folder: string;
  let dataDir: string;
  let env: Record<string, string>;
  let product: ProductProcess | undefined;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'data-dir-lock-'));
    dataDir = join(folder, 'data');
    env = { DATA_DIR: dataDir, HELP_CENTER_DIR: HELP_CENTER, PORT: String(await freePort()) };
  });

  afterAll(async () => {
    if (product) await stopProduct(product, 'SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses a second start and npm run kb while the product runs, and the product keeps its data', async () => {
    product = await startProduct(env);
    const customer = new ChatClient(`http://127.0.0.1:${env.PORT}`);
    await customer.say('What is your return policy?');

    const second = await runToEnd('gateway', [], { ...env, PORT: String(await freePort()) });
    expect(second.code).not.toBe(0);
    expect(second.stderr.trim().split('\n')).toEqual([expect.stringMatching(IN_USE)]);
    expect(second.stderr).toContain(`process ${product.child.pid} (npm start,`);
    expect(second.stderr).toContain('; stop it or use another DATA_DIR');
    expect(second.stdout).toBe('');

    const ingest = await runToEnd('kb', ['ingest', LOYALTY_SOURCE], env);
    expect(ingest.code).toBe(1);
    expect(ingest.stderr.trim().split('\n')).toEqual([expect.stringMatching(IN_USE)]);
    expect(ingest.stderr).toContain('npm run kb cannot open the embedded database while it runs; stop it first');

    const history = await fetch(`http://127.0.0.1:${env.PORT}/api/chat/${customer.conversationId}/messages`, { headers: customer.sessionHeaders() });
    expect(history.status).toBe(200);
    expect(JSON.stringify(await history.json())).toContain('What is your return policy?');
    expect(await customer.say('And how long does a refund take?')).toMatchObject({ conversationId: customer.conversationId });

    await stopProduct(product);
    expect(existsSync(join(dataDir, 'support-agent.lock'))).toBe(false);
  }, 180_000);

  it('keeps a hand-ingested source through the next start, and a lock left by kill -9 is taken over', async () => {
    const ingest = await runToEnd('kb', ['ingest', LOYALTY_SOURCE], env);
    expect(ingest.stderr).not.toContain('Error');
    expect(ingest.stdout).toMatch(/^1 articles: \d+ chunks added, 0 changed, 0 removed/);

    product = await startProduct(env);
    expect(product.stdout()).toMatch(/"removed":0,.*"msg":"help center indexed"/);
    await stopProduct(product, 'SIGKILL');
    expect(existsSync(join(dataDir, 'support-agent.lock'))).toBe(true);

    const sources = await runToEnd('kb', ['sources'], env);
    expect(sources.code).toBe(0);
    expect(sources.stderr).toContain(`DATA_DIR lock left by process ${product.child.pid} (npm start`);
    expect(sources.stdout).toMatch(/help-center\s+help-center\s+4\s/);
    expect(sources.stdout).toMatch(/loyalty-source\s+manual\s+1\s/);
  }, 180_000);
});

describe('a port in use', () => {
  it('is one line, before the database is created', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'port-in-use-'));
    const blocker = require('node:net').createServer().listen(0);
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      const port = blocker.address().port;
      const start = await runToEnd('gateway', [], { DATA_DIR: join(folder, 'data'), PORT: String(port) });

      expect(start.code).not.toBe(0);
      expect(start.stderr.trim()).toBe(`port ${port} is in use (another npm start?); set PORT or stop it`);
      expect(start.stdout).toBe('');
      expect(existsSync(join(folder, 'data'))).toBe(false);
    } finally {
      blocker.close();
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
