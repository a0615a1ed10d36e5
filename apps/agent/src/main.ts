import 'reflect-metadata';
import { ConfigError, loadConfig, LOGGER, Logger } from '@support/platform';
import { startAgentWorker } from './agent-worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const agent = await startAgentWorker(config);
  const logger = agent.app.get<Logger>(LOGGER);
  logger.info({ pid: process.pid }, 'agent worker taking turns from Redis');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal, graceMs: config.shutdownGraceMs }, 'agent worker stopping: finishing turns in flight, handing back the rest');
      // Leaves room inside the grace period for closing the database and Redis connections.
      const turnsGraceMs = Math.max(0, config.shutdownGraceMs - 2_000);
      const forced = setTimeout(() => {
        logger.error({ graceMs: config.shutdownGraceMs }, 'agent worker did not stop within SHUTDOWN_GRACE_MS; exiting');
        process.exit(1);
      }, config.shutdownGraceMs);
      forced.unref();
      void agent.close(turnsGraceMs).then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, 'agent worker stopped with an error');
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : `Could not start the agent worker: ${error?.stack ?? error}`);
  process.exit(1);
});
