import 'reflect-metadata';
import { createLogger, DataDirLock, loadConfig, LOGGER, Logger } from '@support/platform';
import { createGatewayApp } from './gateway-app';
import { shutDownGracefully } from './shutdown/graceful-shutdown';
import { assertPortFree } from './startup/port-check';
import { isAddressInUse, PortInUseError } from './startup/port-in-use.error';
import { isStartupRefusal } from './startup/startup-refusal';

async function main(): Promise<void> {
  const config = loadConfig();
  // Refusals come first, before the database is created, migrated or seeded and the help center indexed.
  await assertPortFree(config.port);
  const dataDirLock = config.database.url
    ? undefined
    : DataDirLock.acquire(config.database.dataDir, {
        command: 'npm start',
        onTakeover: (previous) =>
          createLogger(config.logLevel).warn({ dataDir: config.database.dataDir, previous }, 'DATA_DIR lock left by a process that is gone: taken over'),
      });
  const app = await createGatewayApp(config);
  // The embedded database now holds the lock too, and releases it when it closes.
  dataDirLock?.release();
  await app.listen(config.port).catch((error) => {
    throw isAddressInUse(error) ? new PortInUseError(config.port) : error;
  });
  const logger = app.get<Logger>(LOGGER);
  logger.info(
    {
      port: config.port,
      publicBaseUrl: config.publicBaseUrl,
      agent: config.redis.url ? 'redis workers' : 'in process',
      model: config.anthropic ? 'claude' : 'embedded',
    },
    `support agent listening: open ${config.publicBaseUrl}/ to chat`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal, graceMs: config.shutdownGraceMs }, 'gateway stopping: refusing new requests, finishing those in flight');
      void shutDownGracefully(app, config.shutdownGraceMs, logger).then((code) => process.exit(code));
    });
  }
}

main().catch((error) => {
  console.error(isStartupRefusal(error) ? error.message : `Could not start the gateway: ${error?.stack ?? error}`);
  process.exit(1);
});
