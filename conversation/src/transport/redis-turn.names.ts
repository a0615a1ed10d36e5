/**
 * Names shared on Redis by the gateways (producers) and agent workers (consumers). Without a
 * prefix they are today's: BullMQ's `bull:` and the product's `support:`; with REDIS_KEY_PREFIX
 * every key and channel starts with `<prefix>:`, so several installations (or test runs) can
 * share one Redis. Every process of one installation must use the same prefix.
 */
export interface RedisNames {
  /** BullMQ's `prefix` option, for the Queue and the Worker alike. */
  queuePrefix: string;
  turnQueue: string;
  turnEventsChannel(conversationId: string): string;
  conversationLockKey(conversationId: string): string;
  webChatChannel(conversationId: string): string;
  leaseKey(name: string): string;
  /** Set when a one-off piece of start-up work (the help-center index) was done. */
  doneKey(name: string): string;
  /** Held for a window after something that is said once per window (a rate-limit notice to a sender). */
  throttleKey(name: string): string;
  /** A sender's recent messages under one rate limit (`sms-sender:+15035550147`), shared by every gateway. */
  rateLimitKey(name: string): string;
}

export function redisNames(prefix?: string): RedisNames {
  const own = prefix || 'support';
  return {
    queuePrefix: prefix || 'bull',
    turnQueue: 'agent-turns',
    turnEventsChannel: (conversationId) => `${own}:turn-events:${conversationId}`,
    conversationLockKey: (conversationId) => `${own}:conversation-lock:${conversationId}`,
    webChatChannel: (conversationId) => `${own}:web-chat:${conversationId}`,
    leaseKey: (name) => `${own}:lease:${name}`,
    doneKey: (name) => `${own}:done:${name}`,
    throttleKey: (name) => `${own}:throttle:${name}`,
    rateLimitKey: (name) => `${own}:rate-limit:${name}`,
  };
}
