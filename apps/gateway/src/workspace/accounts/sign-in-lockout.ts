import { Database } from '@support/platform';

/**
 * 5 failed sign-ins within 15 minutes, per account and per client address (an IPv6 client by its /64), lock sign-in
 * for the rest of the window.
 */
export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

/**
 * Each attempt is recorded as a failure before the password is checked and forgiven when it succeeds, so a burst
 * of parallel guesses is counted before any of them is checked.
 */
export class SignInLockout {
  constructor(private readonly db: Database) {}

  /** Records the attempt; its id, or null when the account or the address is locked. */
  async begin(email: string, clientAddress: string): Promise<string | null> {
    const { rows } = await this.db.query<{ id: string }>(`INSERT INTO workspace_sign_in_attempts (email, client_address) VALUES ($1, $2) RETURNING id`, [
      email,
      clientAddress,
    ]);
    const { rows: counts } = await this.db.query<{ by_email: string; by_address: string }>(
      `SELECT count(*) FILTER (WHERE email = $1) AS by_email, count(*) FILTER (WHERE client_address = $2) AS by_address
         FROM workspace_sign_in_attempts
        WHERE (email = $1 OR client_address = $2) AND attempted_at > now() - $3 * interval '1 millisecond' AND id <= $4`,
      [email, clientAddress, SIGN_IN_WINDOW_MS, rows[0].id],
    );
    const locked = Number(counts[0].by_email) > MAX_FAILED_SIGN_INS || Number(counts[0].by_address) > MAX_FAILED_SIGN_INS;
    return locked ? null : rows[0].id;
  }

  /** The password was right: this attempt was no failure. */
  async succeeded(attemptId: string): Promise<void> {
    await this.db.query(`DELETE FROM workspace_sign_in_attempts WHERE id = $1`, [attemptId]);
  }
}
