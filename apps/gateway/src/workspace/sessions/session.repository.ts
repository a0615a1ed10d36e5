import { Database, Queryable } from '@support/platform';
import { hashSecretToken, newSecretToken } from '../accounts/secret-token';

export interface NewSession {
  token: string;
  csrfToken: string;
}

/** Signed-in browsers: the session token's hash, its account, and the token its page must echo on every change. */
export class SessionRepository {
  constructor(private readonly db: Database) {}

  async create(accountId: string, lifetimeMs: number, tx: Queryable = this.db): Promise<NewSession> {
    const session = { token: newSecretToken(), csrfToken: newSecretToken() };
    await tx.query(
      `INSERT INTO workspace_sessions (token_hash, account_id, csrf_token, expires_at) VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond')`,
      [hashSecretToken(session.token), accountId, session.csrfToken, lifetimeMs],
    );
    return session;
  }

  async find(token: string): Promise<{ accountId: string; csrfToken: string } | null> {
    const { rows } = await this.db.query<{ account_id: string; csrf_token: string }>(
      `SELECT account_id, csrf_token FROM workspace_sessions WHERE token_hash = $1 AND expires_at > now()`,
      [hashSecretToken(token)],
    );
    return rows[0] ? { accountId: rows[0].account_id, csrfToken: rows[0].csrf_token } : null;
  }

  async end(token: string): Promise<void> {
    await this.db.query(`DELETE FROM workspace_sessions WHERE token_hash = $1`, [hashSecretToken(token)]);
  }

  /** A new password signs out every other browser. */
  async endAllFor(accountId: string, tx: Queryable = this.db): Promise<void> {
    await tx.query(`DELETE FROM workspace_sessions WHERE account_id = $1`, [accountId]);
  }
}
