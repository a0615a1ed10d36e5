import { mkdirSync } from 'node:fs';
import { PGlite, Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite/vector';
import { Database, Queryable, QueryResult } from './database';
import { DataDirLock, DataDirLockOptions } from './lock/data-dir.lock';

/**
 * Embedded Postgres (PGlite 0.4, which bundles pgvector); without `dataDir` it lives in memory. PGlite
 * serves one process: two writing one folder corrupt it, so the folder is locked before PGlite opens it
 * (`DataDirInUseError` when another process has it).
 */
export class PgliteDatabase extends Database {
  readonly kind = 'embedded' as const;
  private readonly db: PGlite;
  private readonly lock?: DataDirLock;

  constructor(dataDir?: string, lockOptions?: DataDirLockOptions) {
    super();
    if (dataDir) {
      this.lock = DataDirLock.acquire(dataDir, lockOptions);
      mkdirSync(dataDir, { recursive: true });
    }
    // PGlite reads options from the first argument when there is no data folder.
    this.db = dataDir ? new PGlite(dataDir, { extensions: { vector } }) : new PGlite({ extensions: { vector } });
  }

  async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
    const result = params.length ? await this.db.query<Row>(sql, params) : await this.execMany<Row>(sql);
    return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(transactionQueryable(tx)));
  }

  async hasVector(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    try {
      await this.db.close();
    } finally {
      this.lock?.release();
    }
  }

  /** Parameterless SQL may hold several statements (migrations); the last one's rows are returned. */
  private async execMany<Row>(sql: string) {
    const results = await this.db.exec(sql);
    const last = results[results.length - 1];
    return { rows: (last?.rows ?? []) as Row[], affectedRows: last?.affectedRows };
  }
}

function transactionQueryable(tx: Transaction): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await tx.query<Row>(sql, params);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  };
}
