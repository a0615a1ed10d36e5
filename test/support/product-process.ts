import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { eventually } from './eventually';

const ROOT = join(__dirname, '../..');
const NODE_ARGS = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];

/** A product command run the way its npm script runs it, in a process of its own, with only the variables given (no .env, no outside servers). */
export interface ProductProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code once the process ended. */
  exited: Promise<number | null>;
}

export function runProduct(script: 'gateway' | 'kb', args: string[], env: Record<string, string>): ProductProcess {
  const entry = script === 'gateway' ? 'apps/gateway/src/main.ts' : 'knowledge/src/cli/kb.cli.ts';
  const child = spawn(process.execPath, [...NODE_ARGS, entry, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** Starts the gateway and waits until it says it listens. */
export async function startProduct(env: Record<string, string>): Promise<ProductProcess> {
  const product = runProduct('gateway', [], env);
  let ended = false;
  void product.exited.then(() => (ended = true));
  await eventually(() => {
    if (ended) throw new Error(`the product exited while starting:\n${product.stderr()}${product.stdout().slice(-2000)}`);
    return product.stdout().includes('support agent listening');
  }, 90_000);
  return product;
}

/** Runs a command to its end: its exit code and output. */
export async function runToEnd(
  script: 'gateway' | 'kb',
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = runProduct(script, args, env);
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

export async function stopProduct(product: ProductProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (product.child.exitCode !== null || product.child.signalCode !== null) return;
  product.child.kill(signal);
  await product.exited;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}
