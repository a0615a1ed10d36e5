import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, createLogger, Database, loadConfig } from '@support/platform';
import { createGatewayApp } from '../gateway-app';

/** The product as `npm start` builds it, in this process, on a random loopback port: for tests, benchmarks and evals. */
export interface LocalGateway {
  app: NestExpressApplication;
  url: string;
  config: AppConfig;
  db: Database;
  close(): Promise<void>;
}

/**
 * Starts the gateway from `env` (validated like any start). Unless `env` names a DATA_DIR or a
 * DATABASE_URL, the embedded database lives in a temporary folder removed on close.
 */
export async function startLocalGateway(env: Record<string, string>, logLevel?: string): Promise<LocalGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'support-gateway-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  try {
    const config = loadConfig({ DATA_DIR: dataDir, ...env, PORT: '0' });
    const app = await createGatewayApp(config, { logger: createLogger(logLevel ?? config.logLevel) });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    return {
      app,
      url: `http://127.0.0.1:${port}`,
      config,
      db: app.get(Database),
      async close() {
        await app.close();
        removeDataDir();
      },
    };
  } catch (error) {
    removeDataDir();
    throw error;
  }
}
