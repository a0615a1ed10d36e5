import 'reflect-metadata';
import { ConfigError, loadConfig, LOGGER, Logger } from '@support/platform';
import { createGatewayApp } from './gateway-app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createGatewayApp(config);
  app.enableShutdownHooks();
  await app.listen(config.port);
  const logger = app.get<Logger>(LOGGER);
  logger.info(
    { port: config.port, publicBaseUrl: config.publicBaseUrl, agent: config.redis.url ? 'redis workers' : 'in process', model: config.anthropic ? 'claude' : 'embedded' },
    `support agent listening: open ${config.publicBaseUrl}/ to chat`,
  );
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : `Could not start the gateway: ${error?.stack ?? error}`);
  process.exit(1);
});
