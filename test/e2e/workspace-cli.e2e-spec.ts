import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { RunningGateway, startGateway } from '../support/gateway.harness';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

/** `npm run agents`: adding people to the workspace from the command line, with the product stopped or running. */
describe('npm run agents', () => {
  async function agents(env: Record<string, string>, ...args: string[]) {
    return run('npm', ['run', '--silent', 'agents', '--', ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', ...env }, timeout: 60_000 }).catch(
      (error) => ({ stdout: error.stdout as string, stderr: error.stderr as string, code: error.code as number }),
    );
  }

  it('adds an admin to a stopped product and prints a one-time sign-in link', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'support-agents-cli-'));
    try {
      const added = await agents({ DATA_DIR: dataDir, PUBLIC_BASE_URL: 'https://support.example.com' }, 'add', 'Lead@Example.com', '--role', 'admin');
      expect(added.stdout).toContain('Added lead@example.com (admin).');
      expect(added.stdout).toMatch(/https:\/\/support\.example\.com\/workspace\/welcome#token=[A-Za-z0-9_-]{43}/);
      const again = await agents({ DATA_DIR: dataDir }, 'add', 'lead@example.com');
      expect(again).toMatchObject({ code: 1, stderr: 'lead@example.com already has an account.\n' });
      const listed = await agents({ DATA_DIR: dataDir }, 'list');
      expect(listed.stdout).toBe('lead@example.com\tadmin\tinvited\n');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);

  describe('while the product runs on the embedded database', () => {
    let gateway: RunningGateway;
    beforeAll(async () => {
      gateway = await startGateway();
    }, 60_000);
    afterAll(() => gateway?.close());

    it('adds the person through the running gateway, whose sign-in link then works', async () => {
      const env = { DATA_DIR: gateway.config.database.dataDir, PORT: new URL(gateway.url).port, PUBLIC_BASE_URL: gateway.url };
      const added = await agents(env, 'add', 'sam@example.com');
      expect(added.stdout).toContain('Added sam@example.com (agent).');
      const token = /#token=([A-Za-z0-9_-]+)/.exec(added.stdout)![1];
      const chosen = await fetch(`${gateway.url}/workspace/api/password`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: gateway.url },
        body: JSON.stringify({ token, password: 'a long enough password' }),
      });
      expect(chosen.status).toBe(204);
      expect((await agents(env, 'list')).stdout).toBe('sam@example.com\tagent\tsigned up\n');
    }, 120_000);

    it('refuses a caller without the token the gateway left in DATA_DIR', async () => {
      const answer = await fetch(`${gateway.url}/workspace/api/local/accounts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer guessed' },
        body: JSON.stringify({ email: 'mallory@example.com' }),
      });
      expect(answer.status).toBe(403);
    });
  });
});
