/** Names shared by the gateway (producer) and agent workers (consumers) on Redis. */
export const TURN_QUEUE = 'agent-turns';
export const turnEventsChannel = (conversationId: string) => `support:turn-events:${conversationId}`;
export const conversationLockKey = (conversationId: string) => `support:conversation-lock:${conversationId}`;
