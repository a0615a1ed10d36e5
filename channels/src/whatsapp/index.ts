export * from './whatsapp.capabilities';
export * from './whatsapp-reply.formatter';
export * from './whatsapp-window';
