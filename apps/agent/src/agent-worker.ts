import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { RedisTurnWorker, TurnHandler } from '@support/conversation';
import { AppConfig, ConfigError, LOGGER, Logger, PlatformModule } from '@support/platform';
import { AgentModule } from './agent.module';
import { AGENT_MIGRATIONS } from './agent.migrations';

export interface AgentWorkerProcess {
  app: INestApplicationContext;
  worker: RedisTurnWorker;
  /** Takes no more turns; those still running after `graceMs` go back to the queue for another worker. */
  close(graceMs?: number): Promise<void>;
}

/** An agent worker process: takes turns from Redis, answers them, publishes the replies. */
export async function startAgentWorker(config: AppConfig, options: { logger?: Logger } = {}): Promise<AgentWorkerProcess> {
  const problems = [
    !config.redis.url && 'REDIS_URL: required for a separate agent worker (without it, `npm start` runs the agent inside the gateway)',
    !config.database.url && 'DATABASE_URL: required for a separate agent worker (the embedded database belongs to one process)',
  ].filter((p): p is string => !!p);
  if (problems.length) throw new ConfigError(problems);
  const app = await NestFactory.createApplicationContext(
    { module: class AgentWorkerModule {}, imports: [PlatformModule.forRoot({ config, migrations: AGENT_MIGRATIONS, logger: options.logger }), AgentModule] },
    { logger: ['error', 'warn'], abortOnError: false },
  );
  await app.init();
  const logger = app.get<Logger>(LOGGER);
  const worker = new RedisTurnWorker(config.redis.url!, app.get(TurnHandler), {
    concurrency: config.redis.agentConcurrency,
    keyPrefix: config.redis.keyPrefix,
    onError: (error, turn) => logger.error({ err: error, ...turn }, 'agent turn failed'),
    onWorkerError: (error) => logger.warn({ err: error }, 'turn queue error'),
  });
  await worker.waitUntilReady();
  return {
    app,
    worker,
    async close(graceMs?: number) {
      await worker.close(graceMs);
      await app.close();
    },
  };
}
