import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database, migrate, PgliteDatabase } from '@support/platform';
import { knowledgeMigrations } from '../index/knowledge.migrations';

export interface TestDatabase {
  db: Database;
  close(): Promise<void>;
}

/**
 * A migrated PGlite with pgvector in a temporary folder. Not in memory: `new PgliteDatabase()` hands PGlite
 * its options in a form PGlite ignores, so pgvector is not loaded there. Under jest, PGlite needs
 * node's --experimental-vm-modules (it loads its files through a dynamic import).
 */
export async function createEmbeddedTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'knowledge-'));
  const db = new PgliteDatabase(dataDir);
  await migrate(db, knowledgeMigrations);
  return {
    db,
    async close() {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
