import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import { once } from 'node:events';

/** A server the harness started in a process group of its own, so kill -9 reaches the whole server (workers included). */
export class KillableProcess {
  private readonly lines: string[] = [];
  readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => {
      this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      this.lines.splice(0, Math.max(0, this.lines.length - 30));
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = once(child, 'exit').then(() => undefined);
  }

  static spawn(command: string, args: string[], options: SpawnOptions = {}): KillableProcess {
    return new KillableProcess(spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL to the process group: nothing is flushed, no shutdown hook runs. */
  async kill(): Promise<void> {
    if (this.running) {
      try {
        process.kill(-this.child.pid!, 'SIGKILL');
      } catch {
        this.child.kill('SIGKILL');
      }
    }
    await this.exited;
  }

  /** The last lines it printed, for a failure message. */
  output(): string {
    return this.lines.join('\n');
  }
}
