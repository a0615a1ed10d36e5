import { ChildProcess, spawn } from 'node:child_process';
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

/** Starts `apps/gateway/src/main.ts` with `env` (add DATABASE_URL: it is kept across restarts) and waits for /healthz. */
export async function spawnGateway(env: Record<string, string>, startTimeoutMs = 180_000): Promise<GatewayProcess> {
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
