import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const TIMEOUT_MS = 180_000;

/** Runs `npm run bench:faults -- <args>` as a user would, from a fresh shell. */
function benchFaults(args: string[]) {
  return spawnSync('npm', ['run', '--silent', 'bench:faults', '--', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '', ANTHROPIC_API_KEY: '' },
    timeout: TIMEOUT_MS,
  });
}

interface ChannelRow {
  channel: string;
  sent: number;
  acknowledged: number;
  stored: number;
  answeredOnce: number;
  answeredTwice: number;
  neverAnswered: number;
}

describe('bench:faults (a tiny run: private servers, kill -9, redelivery, counts per channel)', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'fault-bench-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it(
    'sends on every channel while it kills, and accounts for every message it sent',
    () => {
      const out = join(scratch, 'faults.json');
      const run = benchFaults(['--messages', '8', '--kills', '2', '--settle-s', '5', '--json', out]);

      // 1 is a measured run whose goal (0 never answered, 0 answered twice) was not met: the table says which.
      if (run.status !== 0 && run.status !== 1) throw new Error(`bench:faults exited with ${run.status}:\n${run.stderr}`);
      expect(run.stdout).toMatch(/channel\s+sent\s+acknowledged\s+stored\s+answered once\s+answered twice\s+never answered/);
      const figures = JSON.parse(readFileSync(out, 'utf8')) as { channels: ChannelRow[]; faults: unknown[] };
      expect(figures.channels.map((r) => r.channel)).toEqual(['sms', 'whatsapp', 'email', 'web', 'all']);
      expect(figures.faults).toHaveLength(2);
      for (const row of figures.channels) {
        expect(row.sent).toBeGreaterThan(0);
        expect(row.answeredOnce + row.answeredTwice + row.neverAnswered).toBe(row.sent);
        expect(row.acknowledged).toBeLessThanOrEqual(row.sent);
      }
      expect(figures.channels.find((r) => r.channel === 'all')!.sent).toBe(8);
    },
    TIMEOUT_MS,
  );

  it('refuses a bad flag with the usage, status 2, before starting anything', () => {
    const run = benchFaults(['--redis-persistence', 'sometimes']);

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--redis-persistence must be aof or none');
    expect(run.stderr).toContain('usage: npm run bench:faults');
  });
});
