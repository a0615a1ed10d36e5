/** Rows back from a query; the one shape both drivers return. */
export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
}

/**
 * The product's one SQL dialect is PostgreSQL. `Database` hides whether it is a server
 * reached through `pg` (DATABASE_URL) or the embedded PGlite under DATA_DIR.
 */
export abstract class Database implements Queryable {
  abstract readonly kind: 'server' | 'embedded';
  abstract query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  abstract transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Whether the pgvector extension can be used on this database. */
  abstract hasVector(): Promise<boolean>;
  abstract close(): Promise<void>;
}
