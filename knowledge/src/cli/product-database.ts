import { AppConfig, Database, migrate, PgDatabase, PgliteDatabase } from '@support/platform';
import { knowledgeMigrations } from '../index/knowledge.migrations';

/**
 * The database the running product reads: DATABASE_URL's server, else the embedded PGlite under DATA_DIR.
 * PGlite is single-process, so with the embedded database the product must not be running at the same time.
 */
export async function openProductDatabase(config: AppConfig): Promise<Database> {
  const db = config.database.url ? new PgDatabase(config.database.url) : new PgliteDatabase(config.database.dataDir);
  await migrate(db, knowledgeMigrations);
  return db;
}

export function describeDatabase(config: AppConfig): string {
  return config.database.url ? `PostgreSQL at ${new URL(config.database.url).host}` : `embedded PGlite in ${config.database.dataDir}`;
}
