import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { AgentTransport, TurnEvent, TurnListener, TurnRequest } from '../ports/agent-transport';
import { RedisNames, redisNames } from './redis-turn.names';

/**
 * The gateway's side when REDIS_URL is set: turns become BullMQ jobs that any agent worker
 * may take; replies stream back on a Redis pub/sub channel per conversation.
 */
export class RedisAgentTransport extends AgentTransport {
  private readonly queue: Queue;
  private readonly subscriber: Redis;
  private readonly listeners = new Map<string, Set<TurnListener>>();
  private readonly names: RedisNames;
  private drained: (() => void) | null = null;

  constructor(redisUrl: string, options: { keyPrefix?: string } = {}) {
    super();
    this.names = redisNames(options.keyPrefix);
    this.queue = new Queue(this.names.turnQueue, { connection: { url: redisUrl }, prefix: this.names.queuePrefix });
    this.subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.subscriber.on('message', (channel: string, payload: string) => this.dispatch(channel, payload));
  }

  async submit(turn: TurnRequest): Promise<void> {
    // jobId = message id: a message queued twice while waiting or running is one job. A finished job (kept a while
    // for operators) would swallow the new one, and nobody would publish a reply: it goes, and the turn runs again,
    // answered from the stored turn if it was answered, never twice.
    const finished = await this.queue.getJob(turn.messageId);
    if (finished && ((await finished.isCompleted()) || (await finished.isFailed()))) await finished.remove().catch(() => undefined);
    await this.queue.add('turn', turn, {
      jobId: turn.messageId,
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 3600, count: 10_000 },
      removeOnFail: { age: 24 * 3600 },
    });
  }

  async subscribe(conversationId: string, listener: TurnListener): Promise<() => void> {
    const channel = this.names.turnEventsChannel(conversationId);
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
        if (this.listeners.size === 0) this.drained?.();
      }
    };
  }

  /** Waits for the replies this gateway is waiting for (the caller bounds the wait), then closes. */
  async close(): Promise<void> {
    if (this.listeners.size > 0) await new Promise<void>((resolve) => (this.drained = resolve));
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
