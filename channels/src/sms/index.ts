export * from './gsm7.charset';
export * from './sms-segments';
export * from './sms-reply.formatter';
export * from './sms.capabilities';
