import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { eventually } from './eventually';
import { appendOutput } from './gateway.process';

const ROOT = join(__dirname, '..', '..');

/** An agent worker as `npm run start:agent` runs it, in its own process, so a test can kill or freeze it. */
export interface AgentWorkerProcess {
  readonly pid: number;
  /** SIGKILL, SIGSTOP (frozen: its leases lapse), SIGCONT, SIGTERM. */
  signal(signal: NodeJS.Signals): void;
  /** Resolves with the exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
  output(): string;
}

/** Starts `apps/agent/src/main.ts` with `env` (DATABASE_URL and REDIS_URL needed) and waits until it takes turns; `logFile` as for `spawnGateway`. */
export async function spawnAgentWorker(env: Record<string, string>, startTimeoutMs = 120_000, logFile?: string): Promise<AgentWorkerProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/agent/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  child.stderr!.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
  if (logFile) appendOutput(child, logFile);
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  let ended = false;
  void exited.then(() => (ended = true));
  await eventually(() => {
    if (ended) throw new Error(`the agent worker exited while starting:\n${output}`);
    return output.includes('agent worker taking turns from Redis');
  }, startTimeoutMs);
  return {
    pid: child.pid!,
    signal: (signal) => void (child.exitCode === null && child.signalCode === null && child.kill(signal)),
    exited,
    output: () => output,
  };
}
