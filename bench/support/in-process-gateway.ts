import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, createLogger, Database, loadConfig } from '@support/platform';
import { createGatewayApp } from '../../apps/gateway/src/gateway-app';

/** The product as `npm start` builds it, listening on a random local port, with its own embedded database. */
export interface InProcessGateway {
  app: NestExpressApplication;
  url: string;
  config: AppConfig;
  db: Database;
  close(): Promise<void>;
}

/** Variables a measurement must not inherit: it needs a fresh database and in-process turns. */
const ISOLATING_VARIABLES = ['DATABASE_URL', 'REDIS_URL', 'DATA_DIR', 'PORT'];

/**
 * Starts the gateway in this process. `env` is the environment to configure it from (the caller's
 * process.env for a CLI, a literal map for a test); the database is always a fresh embedded one in a
 * temporary folder, and the chat rate limit is lifted so scripted customers are not throttled. Logs are off
 * unless the environment sets LOG_LEVEL.
 */
export async function startInProcessGateway(env: Record<string, string | undefined>, overrides: Record<string, string> = {}): Promise<InProcessGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'support-measure-'));
  const inherited = Object.fromEntries(Object.entries(env).filter(([name]) => !ISOLATING_VARIABLES.includes(name)));
  const config = loadConfig({ LOG_LEVEL: 'silent', ...inherited, CHAT_RATE_LIMIT_PER_MINUTE: '1000000', ...overrides, DATA_DIR: dataDir, PORT: '0' });
  try {
    const app = await createGatewayApp(config, { logger: createLogger(config.logLevel) });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    return {
      app,
      url: `http://127.0.0.1:${port}`,
      config,
      db: app.get(Database),
      async close() {
        await app.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
