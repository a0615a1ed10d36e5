import { LocalGateway, startLocalGateway } from '../../apps/gateway/src/testing/local-gateway';

export type InProcessGateway = LocalGateway;

/** Variables a measurement must not inherit: it needs a fresh database and in-process turns. */
const ISOLATING_VARIABLES = ['DATABASE_URL', 'REDIS_URL', 'DATA_DIR', 'PORT'];

/**
 * Starts the gateway in this process. `env` is the environment to configure it from (the caller's
 * process.env for a CLI, a literal map for a test); the database is always a fresh embedded one in a
 * temporary folder, and the chat rate limit is lifted so scripted customers are not throttled. Logs are off
 * unless the environment sets LOG_LEVEL.
 */
export function startInProcessGateway(env: Record<string, string | undefined>, overrides: Record<string, string> = {}): Promise<InProcessGateway> {
  const inherited = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && !ISOLATING_VARIABLES.includes(entry[0])),
  );
  return startLocalGateway({ LOG_LEVEL: 'silent', ...inherited, CHAT_RATE_LIMIT_PER_MINUTE: '1000000', ...overrides });
}
