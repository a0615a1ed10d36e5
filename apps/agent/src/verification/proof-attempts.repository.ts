import { Database } from '@support/platform';

/** Attempts to prove ownership, one row per attempt and scope; a successful attempt leaves no row. */
export class ProofAttemptRepository {
  constructor(private readonly db: Database) {}

  /**
   * Records the attempt in every scope first, then counts: of attempts that run at once, each sees at
   * least every one recorded before it, so no more than the limit can ever be let through.
   */
  async begin(attemptId: string, scopes: string[], windows: { shortMs: number; longMs: number }): Promise<{ short: number; long: number }> {
    await this.db.query(`INSERT INTO proof_attempts (attempt_id, scope) SELECT $1, unnest($2::text[])`, [attemptId, scopes]);
    const { rows } = await this.db.query<{ short: string; long: string }>(
      `SELECT COALESCE(MAX(short), 0) AS short, COALESCE(MAX(long), 0) AS long FROM (
         SELECT count(*) FILTER (WHERE attempted_at > now() - ($2::bigint * interval '1 millisecond')) AS short, count(*) AS long
         FROM proof_attempts
         WHERE scope = ANY($1::text[]) AND attempted_at > now() - ($3::bigint * interval '1 millisecond')
         GROUP BY scope) counted`,
      [scopes, windows.shortMs, windows.longMs],
    );
    return { short: Number(rows[0].short), long: Number(rows[0].long) };
  }

  /** Attempts older than any window count for nothing. */
  async forgetOlderThan(ms: number): Promise<void> {
    await this.db.query(`DELETE FROM proof_attempts WHERE attempted_at < now() - ($1::bigint * interval '1 millisecond')`, [ms]);
  }

  async failed(attemptId: string): Promise<void> {
    await this.db.query(`UPDATE proof_attempts SET outcome = 'failed' WHERE attempt_id = $1`, [attemptId]);
  }

  /** A proof that succeeded, or one refused before it was tried, does not count against anyone. */
  async forget(attemptId: string): Promise<void> {
    await this.db.query(`DELETE FROM proof_attempts WHERE attempt_id = $1`, [attemptId]);
  }
}
