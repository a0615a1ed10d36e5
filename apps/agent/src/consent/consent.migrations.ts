import { Migration } from '@support/platform';

/** Changes the bot proposed, keyed by the customer message its proposal answered; the next message may accept one. */
export const consentMigrations: Migration[] = [
  {
    id: 'consent-001-pending-actions',
    sql: `
CREATE TABLE IF NOT EXISTS pending_actions (
  message_id text PRIMARY KEY,
  conversation_id text NOT NULL,
  tool text NOT NULL,
  arguments jsonb NOT NULL,
  description text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  consumed_at timestamptz
);
CREATE INDEX IF NOT EXISTS pending_actions_conversation_idx ON pending_actions (conversation_id, created_at);
`,
  },
];
