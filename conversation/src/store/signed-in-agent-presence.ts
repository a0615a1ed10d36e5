import { Database } from '@support/platform';
import { AgentPresence } from '../ports/agent-presence';

/** PostgreSQL's undefined_table: the workspace's tables are not there (yet). */
const UNDEFINED_TABLE = '42P01';

/**
 * Someone can pick up a handoff when a workspace session is open (not expired). Read from the shared database on every
 * question, so every process answers the same: the gateway and any number of separate agent workers. A fresh install
 * with no accounts yet counts as present (nobody has been set up to be absent, so customers are not told that nobody
 * is there), and so does a database the workspace's migrations have not reached yet.
 */
export class SignedInAgentPresence extends AgentPresence {
  constructor(private readonly db: Database) {
    super();
  }

  async anyoneSignedIn(): Promise<boolean> {
    try {
      const { rows } = await this.db.query<{ present: boolean }>(
        `SELECT NOT EXISTS (SELECT 1 FROM workspace_accounts) OR EXISTS (SELECT 1 FROM workspace_sessions WHERE expires_at > now()) AS present`,
      );
      return rows[0].present;
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === UNDEFINED_TABLE) return true;
      throw error;
    }
  }
}
