import { Database, Queryable } from '@support/platform';
import { hashSecretToken, newSecretToken } from './secret-token';

/** One-time links that let a person choose their password: a new account's first, or a reset. */
export class SignInLinkRepository {
  constructor(private readonly db: Database) {}

  /** A new link's token (only its hash is stored); the account's earlier links stop working, in case one leaked. */
  async issue(accountId: string, validForMs: number): Promise<string> {
    const token = newSecretToken();
    await this.db.query(`DELETE FROM workspace_sign_in_links WHERE account_id = $1 AND used_at IS NULL`, [accountId]);
    await this.db.query(`INSERT INTO workspace_sign_in_links (token_hash, account_id, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')`, [
      hashSecretToken(token),
      accountId,
      validForMs,
    ]);
    return token;
  }

  /**
   * Uses the link up: the account it was for, or null when it is unknown, used or expired. Once only, even when
   * raced; any other link of the account (issued at the same moment) goes with it.
   */
  async consume(token: string, tx: Queryable): Promise<string | null> {
    const tokenHash = hashSecretToken(token);
    // Two links of one account used at once take turns here, so the second finds itself gone.
    await tx.query(`SELECT 1 FROM workspace_accounts WHERE id = (SELECT account_id FROM workspace_sign_in_links WHERE token_hash = $1) FOR UPDATE`, [
      tokenHash,
    ]);
    const { rows } = await tx.query<{ account_id: string }>(
      `UPDATE workspace_sign_in_links SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING account_id`,
      [tokenHash],
    );
    const accountId = rows[0]?.account_id ?? null;
    if (accountId) await tx.query(`DELETE FROM workspace_sign_in_links WHERE account_id = $1 AND used_at IS NULL`, [accountId]);
    return accountId;
  }
}
