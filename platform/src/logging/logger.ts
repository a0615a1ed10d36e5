import pino, { Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths that may hold secrets or customer content. Customer text is only ever logged under
 * `content.*` keys, so a collector can drop them; secrets are always censored.
 */
const REDACTED_PATHS = [
  '*.apiKey',
  '*.authToken',
  '*.password',
  '*.token',
  '*.authorization',
  '*.secret',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers["x-twilio-signature"]',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'support-agent' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}
