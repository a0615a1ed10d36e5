import { Job, Worker } from 'bullmq';
import Redis from 'ioredis';
import { TurnEvent, TurnHandler, TurnRequest } from '../ports/agent-transport';
import { TURN_QUEUE, turnEventsChannel } from './redis-turn.names';

/** An agent worker process's side: takes turns from the queue and publishes their events. */
export class RedisTurnWorker {
  private readonly worker: Worker<TurnRequest>;
  private readonly publisher: Redis;

  constructor(redisUrl: string, handler: TurnHandler, options: { concurrency: number; onError: (error: unknown, turn: TurnRequest) => void }) {
    this.publisher = new Redis(redisUrl, { maxRetriesPerRequest: null });
    const publish = (event: TurnEvent) => void this.publisher.publish(turnEventsChannel(event.conversationId), JSON.stringify(event));
    this.worker = new Worker<TurnRequest>(
      TURN_QUEUE,
      async (job: Job<TurnRequest>) => {
        try {
          await handler.handle(job.data, publish);
        } catch (error) {
          options.onError(error, job.data);
          const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
          if (lastAttempt) publish({ type: 'failed', conversationId: job.data.conversationId, messageId: job.data.messageId, error: String((error as Error)?.message ?? error) });
          throw error;
        }
      },
      { connection: { url: redisUrl }, concurrency: options.concurrency },
    );
  }

  waitUntilReady(): Promise<void> {
    return this.worker.waitUntilReady().then(() => undefined);
  }

  async close(): Promise<void> {
    await this.worker.close();
    this.publisher.disconnect();
  }
}
