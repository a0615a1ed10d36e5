import { AgentPresence } from '@support/conversation';
import { Database } from '@support/platform';

/**
 * Someone can pick up a handoff when a workspace session is open (not expired). A fresh install with no accounts yet
 * counts as present: nobody has been set up to be absent, so customers are not told that nobody is there.
 */
export class WorkspaceAgentPresence extends AgentPresence {
  constructor(private readonly db: Database) {
    super();
  }

  async anyoneSignedIn(): Promise<boolean> {
    const { rows } = await this.db.query<{ present: boolean }>(
      `SELECT NOT EXISTS (SELECT 1 FROM workspace_accounts) OR EXISTS (SELECT 1 FROM workspace_sessions WHERE expires_at > now()) AS present`,
    );
    return rows[0].present;
  }
}
