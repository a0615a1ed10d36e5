import { Pool, PoolClient } from 'pg';
import { Database, Queryable, QueryResult } from './database';

export class PgDatabase extends Database {
  readonly kind = 'server' as const;
  private readonly pool: Pool;
  private vector?: Promise<boolean>;

  constructor(connectionString: string, options: { max?: number } = {}) {
    super();
    this.pool = new Pool({ connectionString, max: options.max ?? 10 });
    // An idle connection the server ended (a restart, a failover) is dropped by the pool and the next query opens a
    // new one; without a listener, node-postgres re-throws the error and the whole process dies.
    this.pool.on('error', () => undefined);
  }

  async query<Row>(sql: string, params: unknown[] = []): Promise<QueryResult<Row>> {
    const result = await this.pool.query(sql, params);
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(clientQueryable(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  hasVector(): Promise<boolean> {
    this.vector ??= this.query<{ ok: boolean }>(`SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') AS ok`).then((r) => r.rows[0].ok);
    return this.vector;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

function clientQueryable(client: PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
    },
  };
}
