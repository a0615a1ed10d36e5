/** The Messages REST client; null when TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN are not set. */
export const TWILIO_MESSAGES = Symbol('TWILIO_MESSAGES');
