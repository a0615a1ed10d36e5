export const CHANNELS = ['web', 'sms', 'whatsapp', 'email', 'voice'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How a customer is addressed on a channel. `web_session` is a browser, not a person we have verified. */
export type IdentityKind = 'phone' | 'whatsapp' | 'email' | 'web_session';
