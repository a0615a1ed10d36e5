import { reportProgress } from '../support/progress';
import { FaultEnvironment } from './fault-environment';
import { FaultTarget, PlannedFault } from './fault-plan';
import { SeededRandom } from './seeded-random';

/** A kill as it happened: when, and how long until the target answered again. */
export interface FaultRecord {
  target: FaultTarget;
  atS: number;
  downMs: number;
}

/**
 * Runs the kill plan against the environment while the burst runs: kill -9, a pause, a restart, one fault at a
 * time (a fault still coming back delays the next). Between faults it restarts any product process that died
 * on its own, as a supervisor would, and records it.
 */
export class FaultInjector {
  readonly done: FaultRecord[] = [];
  readonly crashes: string[] = [];
  private stopped = false;
  /** The worker slot the last "agent worker" fault killed, to restart it. */
  private workerIndex = 0;

  constructor(
    private readonly environment: FaultEnvironment,
    private readonly random: SeededRandom,
  ) {}

  async run(plan: PlannedFault[], startedAt: number): Promise<void> {
    for (const fault of plan) {
      while (!this.stopped && Date.now() - startedAt < fault.atS * 1_000) {
        await this.reviveCrashed();
        await sleep(Math.min(1_000, fault.atS * 1_000 - (Date.now() - startedAt)));
      }
      const atS = (Date.now() - startedAt) / 1_000;
      const killedAt = Date.now();
      await this.kill(fault.target);
      await sleep(fault.pauseMs);
      await this.restart(fault.target);
      const record = { target: fault.target, atS, downMs: Date.now() - killedAt };
      this.done.push(record);
      reportProgress(`kill ${this.done.length}/${plan.length}: ${record.target} at ${atS.toFixed(1)} s, back after ${(record.downMs / 1_000).toFixed(1)} s`);
    }
  }

  /** Keeps restarting crashed processes until stopped (through the redelivery and the wait for quiescence). */
  async superviseUntilStopped(): Promise<void> {
    while (!this.stopped) {
      await this.reviveCrashed();
      await sleep(1_000);
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private async kill(target: FaultTarget): Promise<void> {
    const { fleet, postgres, redis, dovecot } = this.environment;
    if (target === 'gateway') return fleet.killGateway();
    if (target === 'agent worker') {
      this.workerIndex = Math.floor(this.random.next() * fleet.workerCount);
      return fleet.killWorker(this.workerIndex);
    }
    if (target === 'redis') return redis.kill();
    if (target === 'postgres') return postgres.kill();
    return dovecot.kill();
  }

  private async restart(target: FaultTarget): Promise<void> {
    const { fleet, postgres, redis, dovecot } = this.environment;
    if (target === 'gateway') return fleet.startGateway();
    if (target === 'agent worker') return fleet.startWorker(this.workerIndex);
    if (target === 'redis') return redis.start();
    if (target === 'postgres') return postgres.start();
    return dovecot.start();
  }

  private async reviveCrashed(): Promise<void> {
    const revived = await this.environment.fleet.reviveCrashed();
    for (const what of revived) reportProgress(`restarted a process that died on its own: ${what}`);
    this.crashes.push(...revived);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
