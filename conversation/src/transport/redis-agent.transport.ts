import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { AgentTransport, TurnEvent, TurnListener, TurnRequest } from '../ports/agent-transport';
import { TURN_QUEUE, turnEventsChannel } from './redis-turn.names';

/**
 * The gateway's side when REDIS_URL is set: turns become BullMQ jobs that any agent worker
 * may take; replies stream back on a Redis pub/sub channel per conversation.
 */
export class RedisAgentTransport extends AgentTransport {
  private readonly queue: Queue;
  private readonly subscriber: Redis;
  private readonly listeners = new Map<string, Set<TurnListener>>();

  constructor(redisUrl: string) {
    super();
    this.queue = new Queue(TURN_QUEUE, { connection: { url: redisUrl } });
    this.subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.subscriber.on('message', (channel: string, payload: string) => this.dispatch(channel, payload));
  }

  async submit(turn: TurnRequest): Promise<void> {
    // jobId = message id: a message queued twice is one job.
    await this.queue.add('turn', turn, {
      jobId: turn.messageId,
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 24 * 3600 },
    });
  }

  async subscribe(conversationId: string, listener: TurnListener): Promise<() => void> {
    const channel = turnEventsChannel(conversationId);
    let set = this.listeners.get(channel);
    if (!set) {
      set = new Set();
      this.listeners.set(channel, set);
      await this.subscriber.subscribe(channel);
    }
    set.add(listener);
    return () => {
      set!.delete(listener);
      if (set!.size === 0 && this.listeners.get(channel) === set) {
        this.listeners.delete(channel);
        void this.subscriber.unsubscribe(channel).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.subscriber.disconnect();
  }

  private dispatch(channel: string, payload: string): void {
    const set = this.listeners.get(channel);
    if (!set) return;
    const event = JSON.parse(payload) as TurnEvent;
    for (const listener of [...set]) listener(event);
  }
}
