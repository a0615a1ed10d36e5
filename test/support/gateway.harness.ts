import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, createLogger, Database, loadConfig } from '@support/platform';
import { createGatewayApp } from '../../apps/gateway/src/gateway-app';

export interface RunningGateway {
  app: NestExpressApplication;
  url: string;
  config: AppConfig;
  db: Database;
  close(): Promise<void>;
}

/** The gateway as `npm start` builds it, on a random port, with its own embedded database unless env says otherwise. */
export async function startGateway(env: Record<string, string> = {}): Promise<RunningGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'support-gateway-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', ...env });
  const app = await createGatewayApp(config, { logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
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
}
