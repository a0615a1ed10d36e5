import { Database, Queryable } from './database';

/**
 * One schema change. `sql` may hold several statements. `needsVector` migrations run only
 * where pgvector exists (always on PGlite; on a server only when the extension is installed).
 */
export interface Migration {
  id: string;
  sql: string;
  needsVector?: boolean;
}

const MIGRATION_LOCK = 7217001;

export async function migrate(db: Database, migrations: Migration[]): Promise<string[]> {
  const vector = await db.hasVector();
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await lockAgainstOtherProcesses(db, tx);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  // In the order given: a library's migrations may refer to tables of the ones listed before it.
  for (const migration of migrations) {
    if (migration.needsVector && !vector) continue;
    await db.transaction(async (tx) => {
      await lockAgainstOtherProcesses(db, tx);
      const done = await tx.query(`SELECT 1 FROM schema_migrations WHERE id = $1`, [migration.id]);
      if (done.rows.length) return;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query(`INSERT INTO schema_migrations (id) VALUES ($1)`, [migration.id]);
      applied.push(migration.id);
    });
  }
  return applied;
}

/** Several processes (gateway and agent workers) may start at once against one server. */
async function lockAgainstOtherProcesses(db: Database, tx: Queryable): Promise<void> {
  if (db.kind === 'server') await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
}

/** Migrations are plain DDL: statements end with `;` at the end of a line, no procedural bodies. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
}
