import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The gateway as `npm start` runs it, in its own process, so a test can kill it with SIGKILL. */
export interface GatewayProcess {
  readonly url: string;
  readonly pid: number;
  /** kill -9: no shutdown hook runs, nothing is flushed. */
  kill(): Promise<void>;
  /** Sends `signal` (SIGTERM: a graceful shutdown) and resolves with the exit code once the process ended (null if a signal ended it). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** The last lines it printed (400), for a failure message or a look at its logs. */
  output(): string;
}

/**
 * Starts `apps/gateway/src/main.ts` with `env` (add DATABASE_URL: it is kept across restarts) and waits for /healthz.
 * `logFile`: everything it prints is also appended there, not only the last lines.
 */
export async function spawnGateway(env: Record<string, string>, startTimeoutMs = 180_000, logFile?: string): Promise<GatewayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/gateway/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)) && lines.splice(0, Math.max(0, lines.length - 400));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  if (logFile) appendOutput(child, logFile);
  const exitCode = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const exited = exitCode.then(() => undefined);
  const running: GatewayProcess = {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exitCode;
    },
    output: () => lines.join('\n'),
  };
  try {
    await untilHealthy(running.url, child, startTimeoutMs);
  } catch (error) {
    await running.kill();
    throw new Error(`${(error as Error).message}\n${running.output()}`);
  }
  return running;
}

/** Appends the process's output to `file`, after a line saying which process starts there. */
export function appendOutput(child: ChildProcess, file: string): void {
  const log = createWriteStream(file, { flags: 'a' });
  log.on('error', () => undefined);
  log.write(`--- pid ${child.pid} started ${new Date().toISOString()}\n`);
  child.stdout!.on('data', (chunk: Buffer) => log.write(chunk));
  child.stderr!.on('data', (chunk: Buffer) => log.write(chunk));
  child.once('exit', (code, signal) => log.end(`--- pid ${child.pid} ended ${new Date().toISOString()} (${signal ?? `exit ${code}`})\n`));
}

async function untilHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the gateway exited with ${child.exitCode} before it was ready`);
    const healthy = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the gateway was not ready within ${timeoutMs} ms`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}
