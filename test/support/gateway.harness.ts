import { LocalGateway, startLocalGateway } from '../../apps/gateway/src/testing/local-gateway';

export type RunningGateway = LocalGateway;

/** The gateway as `npm start` builds it, on a random port, with its own embedded database unless env says otherwise; logs off unless TEST_LOG_LEVEL. */
export function startGateway(env: Record<string, string> = {}): Promise<RunningGateway> {
  return startLocalGateway({ LOG_LEVEL: 'silent', ...env }, process.env.TEST_LOG_LEVEL ?? 'silent');
}
