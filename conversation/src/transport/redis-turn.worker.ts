import { hostname } from 'node:os';
import { Job, Worker } from 'bullmq';
import Redis from 'ioredis';
import { TurnEvent, TurnHandler, TurnRequest } from '../ports/agent-transport';
import { redisNames } from './redis-turn.names';

/**
 * How soon the turns of a worker that died (kill -9, a lost machine) go to another worker. BullMQ
 * renews a job's lock every half `lockDurationMs`; a stall check every `stalledIntervalMs` moves
 * jobs whose lock lapsed back to the queue, so a dead worker's turns are taken over within about
 * lockDuration + stalledInterval (6 s here), well inside TURN_DEADLINE_MS. BullMQ's defaults (30 s
 * each) left them waiting 40-51 s. A worker whose event loop stalls for longer than the lock (a
 * frozen process) may see its turn taken over too: the turn record, unique per message, lets only
 * one answer be stored and sent.
 */
export const TURN_TAKEOVER = { lockDurationMs: 4_000, stalledIntervalMs: 2_000, maxStalledCount: 2 };

export interface RedisTurnWorkerOptions {
  concurrency: number;
  keyPrefix?: string;
  onError: (error: unknown, turn: TurnRequest) => void;
  /** The queue's own trouble: a lost connection, or a job another worker took over that fails to complete here ("missing lock"). */
  onWorkerError?: (error: Error) => void;
}

/** An agent worker process's side: takes turns from the queue and publishes their events. */
export class RedisTurnWorker {
  private readonly worker: Worker<TurnRequest>;
  private readonly publisher: Redis;
  /** Turns in progress here, with the token that holds each job's lock. */
  private readonly active = new Map<string, { job: Job<TurnRequest>; token: string }>();

  constructor(redisUrl: string, handler: TurnHandler, options: RedisTurnWorkerOptions) {
    const names = redisNames(options.keyPrefix);
    this.publisher = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const publish = (event: TurnEvent) => void this.publisher.publish(names.turnEventsChannel(event.conversationId), JSON.stringify(event));
    this.worker = new Worker<TurnRequest>(
      names.turnQueue,
      async (job: Job<TurnRequest>, token?: string) => {
        this.active.set(job.id!, { job, token: token! });
        try {
          await handler.handle(job.data, publish);
        } catch (error) {
          options.onError(error, job.data);
          const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
          if (lastAttempt)
            publish({
              type: 'failed',
              conversationId: job.data.conversationId,
              messageId: job.data.messageId,
              error: String((error as Error)?.message ?? error),
            });
          throw error;
        } finally {
          this.active.delete(job.id!);
        }
      },
      {
        connection: { url: redisUrl },
        prefix: names.queuePrefix,
        concurrency: options.concurrency,
        // Names the worker on the job (`processedBy`), so an operator can see which process holds a turn.
        name: `${hostname()}:${process.pid}`,
        lockDuration: TURN_TAKEOVER.lockDurationMs,
        stalledInterval: TURN_TAKEOVER.stalledIntervalMs,
        maxStalledCount: TURN_TAKEOVER.maxStalledCount,
      },
    );
    this.worker.on('error', (error) => options.onWorkerError?.(error));
  }

  waitUntilReady(): Promise<void> {
    return this.worker.waitUntilReady().then(() => undefined);
  }

  /**
   * Takes no more turns and waits up to `graceMs` for those in progress; any still running then are
   * handed back to the queue at once, for another worker (or this one's successor) to answer.
   */
  async close(graceMs = Infinity): Promise<void> {
    const closing = this.worker.close();
    const finished = await Promise.race([closing.then(() => true), delay(graceMs).then(() => false)]);
    if (!finished) {
      await Promise.all([...this.active.values()].map(({ job, token }) => job.moveToWait(token).catch(() => undefined)));
      await this.worker.close(true);
    }
    this.publisher.disconnect();
  }
}

function delay(ms: number): Promise<void> {
  if (!Number.isFinite(ms)) return new Promise(() => undefined);
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
