export * from './web-chat/web-chat.request';
export * from './web-chat/web-chat.capabilities';
export * from './web-chat/web-chat.sse';
export * from './channel.migrations';
