import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TIMEOUT_MS = 180_000;

/** Runs `npm run <script> -- <args>` as a user would, from a fresh shell. */
function npmRun(script: string, args: string[]) {
  return spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', ANTHROPIC_API_KEY: '' },
    timeout: TIMEOUT_MS,
  });
}

describe('the cost and overhead benchmarks (one command each)', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'benchmarks-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it(
    'bench:cost replays the conversations file it is given in every configuration and writes its figures as JSON',
    () => {
      const conversations = join(scratch, 'two.json');
      writeFileSync(
        conversations,
        JSON.stringify([
          { id: 'faq', route: 'faq', turns: ['What is your return policy?', 'Do I have to pay for return shipping?'] },
          {
            id: 'status',
            route: 'order_status',
            customer: { email: 'priya.natarajan@example.com' },
            turns: ['Where is my order #W9000010? My email is priya.natarajan@example.com'],
          },
        ]),
      );
      const out = join(scratch, 'cost.json');
      const run = npmRun('bench:cost', ['--conversations', conversations, '--json', out]);

      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/routing \+ caching\s+0\.\d{4}/);
      const figures = JSON.parse(readFileSync(out, 'utf8'));
      expect(figures.results.map((r: { name: string }) => r.name)).toEqual(['routing + caching', 'routing off', 'caching off', 'both off']);
      expect(figures.results[0]).toMatchObject({ conversations: 2, usdPerConversation: { mean: expect.any(Number) } });
      expect(figures.results[0].usdPerConversation.mean).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );

  it(
    'bench:overhead measures both engines and writes p50/p95/p99 and messages per second',
    () => {
      const out = join(scratch, 'overhead.json');
      const run = npmRun('bench:overhead', ['--messages', '12', '--warmup', '2', '--json', out]);

      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/embedded\s+12\s+1\s+[\d.]+\s+[\d.]+/);
      const figures = JSON.parse(readFileSync(out, 'utf8'));
      expect(figures.results.map((r: { mode: string }) => r.mode)).toEqual(['embedded', 'claude']);
      expect(figures.results[0].httpMs).toMatchObject({ count: 12, p50: expect.any(Number), p95: expect.any(Number), p99: expect.any(Number) });
    },
    TIMEOUT_MS,
  );

  it('refuses a bad flag with the usage, status 2', () => {
    const run = npmRun('bench:overhead', ['--database-url', 'mysql://nope']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--database-url must be a postgres:// URL');
    expect(run.stderr).toContain('usage: npm run bench:overhead');
  });
});
