import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';
import { KillableProcess } from './killable-process';

const DATABASE = 'support';

/**
 * A PostgreSQL server of the bench's own (the installed server binaries, a temporary folder, trust auth on
 * loopback), so it can be killed with -9 and restarted without touching the shared server. As root it runs
 * as the `postgres` user, since the server refuses to run as root.
 */
export class PrivatePostgres {
  private process: KillableProcess | null = null;

  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
    private readonly owner: { uid: number; gid: number } | undefined,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    const bin = serverBinaries();
    const dir = mkdtempSync(join(tmpdir(), 'bench-faults-pg-'));
    const owner = process.getuid?.() === 0 ? systemUser('postgres') : undefined;
    if (owner) chownSync(dir, owner.uid, owner.gid);
    execFileSync(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], {
      stdio: 'pipe',
      ...(owner ?? {}),
    });
    const server = new PrivatePostgres(bin, dir, await freePort(), owner);
    await server.start();
    await server.admin((client) => client.query(`CREATE DATABASE ${DATABASE}`));
    return server;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${DATABASE}`;
  }

  get running(): boolean {
    return this.process?.running ?? false;
  }

  /** Starts the server (after a kill, it recovers from its WAL first) and waits until it answers queries. */
  async start(): Promise<void> {
    // A process kill leaves the data in the page cache, so fsync is not what this measures; it only slows the run.
    const args = [
      '-D',
      join(this.dir, 'data'),
      '-p',
      String(this.port),
      '-k',
      this.dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
      '-c',
      'fsync=off',
    ];
    this.process = KillableProcess.spawn(join(this.bin, 'postgres'), args, { ...(this.owner ?? {}) });
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (!this.process.running) throw new Error(`PostgreSQL (private, port ${this.port}) exited while starting:\n${this.process.output()}`);
      if (await this.answers()) return;
      if (Date.now() > deadline) throw new Error(`PostgreSQL (private, port ${this.port}) did not answer within 60 s:\n${this.process.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** kill -9 of the postmaster and every backend. */
  async kill(): Promise<void> {
    await this.process?.kill();
  }

  /** The folder with its data (and its socket), kept by `close({ keep: true })`. */
  get folder(): string {
    return this.dir;
  }

  /** Stops it (kill -9) and removes its folder, unless `keep`: then the data stays for a look (start a server on it with `postgres -D <folder>/data`). */
  async close(options: { keep?: boolean } = {}): Promise<void> {
    await this.kill();
    if (!options.keep) rmSync(this.dir, { recursive: true, force: true });
  }

  private async answers(): Promise<boolean> {
    const client = new Client({ connectionString: this.url.replace(`/${DATABASE}`, '/postgres'), connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: this.url.replace(`/${DATABASE}`, '/postgres') });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }
}

/** The newest installed server's bin folder (Debian: /usr/lib/postgresql/<version>/bin). */
function serverBinaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  if (!versions.length) throw new Error('no PostgreSQL server binaries in /usr/lib/postgresql/<version>/bin; install them with: apt-get install -y postgresql');
  versions.sort((a, b) => Number(b) - Number(a));
  return join(root, versions[0], 'bin');
}

function systemUser(name: string): { uid: number; gid: number } {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, name], { stdio: 'pipe' }).toString().trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error(`running as root, and there is no "${name}" user to run PostgreSQL as (PostgreSQL refuses to run as root)`);
  }
}
