import { AppConfig, Database, describeHolder, migrate, PgDatabase, PgliteDatabase } from '@support/platform';
import { knowledgeMigrations } from '../index/knowledge.migrations';

/**
 * The database the running product reads: DATABASE_URL's server, else the embedded PGlite under DATA_DIR.
 * PGlite serves one process: while the product has DATA_DIR open, opening it here fails (`DataDirInUseError`).
 */
export async function openProductDatabase(config: AppConfig, err: NodeJS.WritableStream = process.stderr): Promise<Database> {
  const db = config.database.url
    ? new PgDatabase(config.database.url)
    : new PgliteDatabase(config.database.dataDir, {
        command: 'npm run kb',
        onTakeover: (previous) =>
          err.write(`DATA_DIR lock left by ${previous ? describeHolder(previous) : 'an unreadable lock file'}, which is gone: taken over\n`),
      });
  try {
    await migrate(db, knowledgeMigrations);
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

export function describeDatabase(config: AppConfig): string {
  return config.database.url ? `PostgreSQL at ${new URL(config.database.url).host}` : `embedded PGlite in ${config.database.dataDir}`;
}
