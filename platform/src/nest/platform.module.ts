import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { Database } from '../database/database';
import { migrate, Migration } from '../database/migration';
import { PgDatabase } from '../database/pg.database';
import { PgliteDatabase } from '../database/pglite.database';
import { createLogger, Logger } from '../logging/logger';
import { LOGGER } from '../logging/logger.token';
import { Metrics } from '../metrics/metrics';

export interface PlatformOptions {
  config: AppConfig;
  migrations: Migration[];
  /** A logger to use instead of one built from the config (tests pass a silent one). */
  logger?: Logger;
}

/** Config, logger, metrics and the migrated database, for every app. */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly db: Database) {}

  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: LOGGER, useValue: options.logger ?? createLogger(options.config.logLevel) },
        { provide: Metrics, useValue: new Metrics({ collectProcessMetrics: true }) },
        {
          provide: Database,
          inject: [LOGGER],
          useFactory: async (logger: Logger) => openDatabase(options.config, options.migrations, logger),
        },
      ],
      exports: [APP_CONFIG, LOGGER, Metrics, Database],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}

async function openDatabase(config: AppConfig, migrations: Migration[], logger: Logger): Promise<Database> {
  const db = config.database.url ? new PgDatabase(config.database.url) : new PgliteDatabase(config.database.dataDir);
  try {
    const applied = await migrate(db, migrations);
    logger.info({ database: db.kind, applied }, 'database ready');
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    const where = config.database.url ? 'the server in DATABASE_URL' : `the embedded database in DATA_DIR (${config.database.dataDir})`;
    throw new Error(`Could not open or migrate ${where}: ${(error as Error).message}`);
  }
}
