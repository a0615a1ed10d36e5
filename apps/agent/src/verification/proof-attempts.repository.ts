import { Database } from '@support/platform';

/** Attempts to prove ownership, one row per attempt and scope; a successful attempt leaves no row. */
export class ProofAttemptRepository {
  constructor(private readonly db: Database) {}

  /**
   * Records the attempt in every scope first, then counts: of attempts that run at once, each sees at
   * least every one recorded before it, so no more than the limit can ever be let through.
   */
  async begin(attemptId: string, scopes: string[], windowMs: number): Promise<number> {
    await this.db.query(
      `INSERT INTO proof_attempts (attempt_id, scope) SELECT $1, unnest($2::text[])`,
      [attemptId, scopes],
    );
    const { rows } = await this.db.query<{ attempts: string }>(
      `SELECT COALESCE(MAX(n), 0) AS attempts FROM (
         SELECT count(*) AS n FROM proof_attempts
         WHERE scope = ANY($1::text[]) AND attempted_at > now() - ($2::bigint * interval '1 millisecond')
         GROUP BY scope) counted`,
      [scopes, windowMs],
    );
    return Number(rows[0].attempts);
  }

  async failed(attemptId: string): Promise<void> {
    await this.db.query(`UPDATE proof_attempts SET outcome = 'failed' WHERE attempt_id = $1`, [attemptId]);
  }

  /** A proof that succeeded, or one refused before it was tried, does not count against anyone. */
  async forget(attemptId: string): Promise<void> {
    await this.db.query(`DELETE FROM proof_attempts WHERE attempt_id = $1`, [attemptId]);
  }
}
