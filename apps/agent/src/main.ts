import 'reflect-metadata';
import { ConfigError, loadConfig, LOGGER, Logger } from '@support/platform';
import { startAgentWorker } from './agent-worker';

async function main(): Promise<void> {
  const agent = await startAgentWorker(loadConfig());
  const logger = agent.app.get<Logger>(LOGGER);
  logger.info('agent worker taking turns from Redis');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'agent worker stopping after turns in flight');
      void agent.close().then(() => process.exit(0));
    });
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : `Could not start the agent worker: ${error?.stack ?? error}`);
  process.exit(1);
});
