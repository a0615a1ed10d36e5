import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, untilListening } from './free-port';
import { KillableProcess } from './killable-process';

/** How Redis keeps what it holds across a kill: an append-only file (as docker-compose.yml runs it), or nothing. */
export type RedisPersistence = 'aof' | 'none';

/** A redis-server of the bench's own on a free port in a temporary folder, so it can be killed with -9. */
export class PrivateRedis {
  private process: KillableProcess | null = null;

  private constructor(
    private readonly dir: string,
    readonly port: number,
    private readonly persistence: RedisPersistence,
  ) {}

  static async create(persistence: RedisPersistence): Promise<PrivateRedis> {
    const server = new PrivateRedis(mkdtempSync(join(tmpdir(), 'bench-faults-redis-')), await freePort(), persistence);
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.process?.running ?? false;
  }

  async start(): Promise<void> {
    // appendfsync everysec writes each command to the file before answering; only an OS crash could lose the last second.
    const persistence = this.persistence === 'aof' ? ['--appendonly', 'yes', '--appendfsync', 'everysec'] : ['--appendonly', 'no'];
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', ...persistence, '--protected-mode', 'no'];
    this.process = KillableProcess.spawn('redis-server', args);
    try {
      await untilListening(this.port, 30_000, 'redis-server (private)');
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${this.process.output()}`);
    }
  }

  async kill(): Promise<void> {
    await this.process?.kill();
  }

  /** The folder with its append-only file, kept by `close({ keep: true })`. */
  get folder(): string {
    return this.dir;
  }

  async close(options: { keep?: boolean } = {}): Promise<void> {
    await this.kill();
    if (!options.keep) rmSync(this.dir, { recursive: true, force: true });
  }
}
