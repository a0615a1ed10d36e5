import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import { freePort } from './free-port';

const run = promisify(execFile);
const SCRIPT = resolve(__dirname, '../../scripts/dovecot-test-server.sh');

/**
 * Debian's dovecot on a free loopback port in a temporary folder (scripts/dovecot-test-server.sh, as the
 * tests' dovecot.server.ts runs it), with a real kill -9: the master and every IMAP session die at once.
 */
export class PrivateDovecot {
  private constructor(
    private readonly dir: string,
    readonly port: number,
    readonly user: string,
    private readonly password: string,
  ) {}

  static async create(user: string, password = 'bench-password'): Promise<PrivateDovecot> {
    const server = new PrivateDovecot(mkdtempSync(join(tmpdir(), 'bench-faults-dovecot-')), await freePort(), user, password);
    await server.start();
    return server;
  }

  /** IMAP_* variables for the gateway. */
  get env(): Record<string, string> {
    return { IMAP_HOST: '127.0.0.1', IMAP_PORT: String(this.port), IMAP_TLS: 'false', IMAP_USER: this.user, IMAP_PASSWORD: this.password };
  }

  /** Starts it on the same port with the same mail (the mailbox and its UIDVALIDITY survive). */
  async start(): Promise<void> {
    await run('bash', [SCRIPT, 'start', this.dir, String(this.port), this.user, this.password]);
  }

  async kill(): Promise<void> {
    const master = this.masterPid();
    if (master === null) return;
    await run('pkill', ['-KILL', '-P', String(master)]).catch(() => undefined);
    try {
      process.kill(master, 'SIGKILL');
    } catch {
      // already gone
    }
    for (let i = 0; i < 50 && alive(master); i++) await new Promise((r) => setTimeout(r, 50));
  }

  /** Delivers a mail into INBOX as the mail server would; fails if dovecot is down (the sending server retries). */
  async deliver(raw: Buffer): Promise<number> {
    const client = new ImapFlow({ host: '127.0.0.1', port: this.port, secure: false, auth: { user: this.user, pass: this.password }, logger: false });
    client.on('error', () => undefined);
    await client.connect();
    try {
      const appended = await client.append('INBOX', raw);
      if (!appended || appended.uid === undefined) throw new Error('APPEND gave no UID');
      return appended.uid;
    } finally {
      await client.logout().catch(() => client.close());
    }
  }

  /** The folder with its mail and its logs, kept by `close({ keep: true })`. */
  get folder(): string {
    return this.dir;
  }

  async close(options: { keep?: boolean } = {}): Promise<void> {
    await run('bash', [SCRIPT, 'stop', this.dir]).catch(() => undefined);
    if (!options.keep) rmSync(this.dir, { recursive: true, force: true });
  }

  private masterPid(): number | null {
    try {
      return Number(readFileSync(join(this.dir, 'run', 'master.pid'), 'utf8').trim()) || null;
    } catch {
      return null;
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
