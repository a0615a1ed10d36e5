import { join } from 'node:path';
import { AgentWorkerProcess, spawnAgentWorker } from '../../test/support/agent-worker.process';
import { GatewayProcess, spawnGateway } from '../../test/support/gateway.process';

const START_ATTEMPTS = 4;

/**
 * The product as an operator scales it out: one gateway and several agent workers, each its own process
 * (`npm start` / `npm run start:agent`) on the private PostgreSQL and Redis, each killable with -9. What
 * each prints goes to `logDir` (gateway.log, agent-worker-<n>.log; a restart appends to its slot's file).
 */
export class ProductFleet {
  private gateway: GatewayProcess | null = null;
  private readonly workers: Array<AgentWorkerProcess | null>;
  private readonly endedWorkers = new Set<AgentWorkerProcess>();

  constructor(
    private readonly env: () => Record<string, string>,
    workerCount: number,
    private readonly logDir: string,
  ) {
    this.workers = Array.from({ length: workerCount }, () => null);
  }

  /** Where the gateway listens now (a restart may take another port; the public URL Twilio signs stays the same). */
  get gatewayUrl(): string | null {
    return this.gateway?.url ?? null;
  }

  async start(): Promise<void> {
    await this.startGateway();
    for (let index = 0; index < this.workers.length; index++) await this.startWorker(index);
  }

  async killGateway(): Promise<void> {
    const gateway = this.gateway;
    this.gateway = null;
    await gateway?.kill();
  }

  async startGateway(): Promise<void> {
    this.gateway = await withRetries('the gateway', () => spawnGateway(this.env(), undefined, join(this.logDir, 'gateway.log')));
  }

  /** Kills one worker (chosen by the caller) with -9; returns its slot for the restart. */
  async killWorker(index: number): Promise<void> {
    const worker = this.workers[index];
    this.workers[index] = null;
    if (!worker) return;
    worker.signal('SIGKILL');
    await worker.exited;
  }

  async startWorker(index: number): Promise<void> {
    const worker = await withRetries('an agent worker', () => spawnAgentWorker(this.env(), undefined, join(this.logDir, `agent-worker-${index + 1}.log`)));
    void worker.exited.then(() => this.endedWorkers.add(worker));
    this.workers[index] = worker;
  }

  /**
   * What a supervisor (docker compose's `restart: unless-stopped`) does: restarts a process that ended
   * without being killed by the harness. Returns what it found dead, so the report can say so.
   */
  async reviveCrashed(): Promise<string[]> {
    const revived: string[] = [];
    if (this.gateway && (await refusesConnections(this.gateway.url))) {
      revived.push(`gateway (${lastLine(this.gateway.output())})`);
      await this.killGateway();
      await this.startGateway();
    }
    for (let index = 0; index < this.workers.length; index++) {
      const worker = this.workers[index];
      if (!worker || !this.endedWorkers.has(worker)) continue;
      revived.push(`agent worker (${lastLine(worker.output())})`);
      this.workers[index] = null;
      await this.startWorker(index);
    }
    return revived;
  }

  /** The gateway's last lines of output, for a failure message. */
  gatewayOutput(): string {
    return this.gateway?.output() ?? '';
  }

  get workerCount(): number {
    return this.workers.length;
  }

  async stop(): Promise<void> {
    await this.killGateway();
    for (let index = 0; index < this.workers.length; index++) await this.killWorker(index);
  }
}

/** A start can fail while another server is still coming back; try again a few times before giving up. */
async function withRetries<T>(what: string, start: () => Promise<T>): Promise<T> {
  let last: unknown;
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    try {
      return await start();
    } catch (error) {
      last = error;
      await new Promise((resolve) => setTimeout(resolve, 2_000 * attempt));
    }
  }
  throw new Error(`${what} did not start after ${START_ATTEMPTS} attempts: ${(last as Error).message}`);
}

async function refusesConnections(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
    return false;
  } catch (error) {
    return (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
  }
}

function lastLine(output: string): string {
  const lines = output.trim().split('\n');
  return (lines.find((line) => /error/i.test(line)) ?? lines[lines.length - 1] ?? '').slice(0, 200);
}
