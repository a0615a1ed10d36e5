import { redisNames } from '@support/conversation';
import Redis from 'ioredis';

/** A message a person sent to a web chat customer, as the chat page receives it. */
export interface PushedMessage {
  author: string;
  text: string;
  messageId: string;
}

/**
 * Carries a message to every gateway where the customer's chat page is open. One gateway: in
 * memory. Several behind a load balancer (REDIS_URL): a Redis channel per conversation, subscribed
 * by the gateways that hold one of its pages.
 */
export abstract class WebChatFanout {
  /** Hears this conversation's messages while this gateway holds one of its pages; returns how to stop. */
  abstract listen(conversationId: string, deliver: (message: PushedMessage) => void): Promise<() => Promise<void>>;
  /** How many gateways received the message: 0 when no page of the conversation is open anywhere. */
  abstract send(conversationId: string, message: PushedMessage): Promise<number>;
  abstract close(): Promise<void>;
}

export class InProcessWebChatFanout extends WebChatFanout {
  private readonly listeners = new Map<string, (message: PushedMessage) => void>();

  async listen(conversationId: string, deliver: (message: PushedMessage) => void): Promise<() => Promise<void>> {
    this.listeners.set(conversationId, deliver);
    return async () => {
      if (this.listeners.get(conversationId) === deliver) this.listeners.delete(conversationId);
    };
  }

  async send(conversationId: string, message: PushedMessage): Promise<number> {
    const deliver = this.listeners.get(conversationId);
    deliver?.(message);
    return deliver ? 1 : 0;
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

export class RedisWebChatFanout extends WebChatFanout {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners = new Map<string, (message: PushedMessage) => void>();
  private readonly channelOf: (conversationId: string) => string;

  constructor(redisUrl: string, options: { keyPrefix?: string } = {}) {
    super();
    this.channelOf = redisNames(options.keyPrefix).webChatChannel;
    this.publisher = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.subscriber.on('message', (channel: string, payload: string) => this.listeners.get(channel)?.(JSON.parse(payload) as PushedMessage));
  }

  async listen(conversationId: string, deliver: (message: PushedMessage) => void): Promise<() => Promise<void>> {
    const channel = this.channelOf(conversationId);
    this.listeners.set(channel, deliver);
    await this.subscriber.subscribe(channel);
    return async () => {
      if (this.listeners.get(channel) !== deliver) return;
      this.listeners.delete(channel);
      await this.subscriber.unsubscribe(channel).catch(() => undefined);
    };
  }

  /** PUBLISH answers with the number of subscribers: the gateways holding a page of the conversation. */
  send(conversationId: string, message: PushedMessage): Promise<number> {
    return this.publisher.publish(this.channelOf(conversationId), JSON.stringify(message));
  }

  async close(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
