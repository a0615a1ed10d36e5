import { Migration } from '@support/platform';
import { voiceTakeMigrations } from '../twilio-voice/voice-take.migrations';

/** The workspace's own tables; conversations, handoffs and messages stay the conversation store's. */
export const workspaceMigrations: Migration[] = [
  {
    id: 'workspace-001-accounts',
    sql: `
CREATE TABLE workspace_accounts (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('agent', 'admin')),
  password_hash text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE workspace_sign_in_links (
  token_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES workspace_accounts(id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE TABLE workspace_sessions (
  token_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES workspace_accounts(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX workspace_sessions_account_idx ON workspace_sessions (account_id);
CREATE TABLE workspace_sign_in_attempts (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  client_address text NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX workspace_sign_in_attempts_email_idx ON workspace_sign_in_attempts (email, attempted_at);
CREATE INDEX workspace_sign_in_attempts_address_idx ON workspace_sign_in_attempts (client_address, attempted_at);
`,
  },
  {
    id: 'workspace-002-notes',
    sql: `
CREATE TABLE workspace_notes (
  id text PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  account_id text NOT NULL REFERENCES workspace_accounts(id) ON DELETE CASCADE,
  text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX workspace_notes_conversation_idx ON workspace_notes (conversation_id, created_at);
`,
  },
  {
    id: 'workspace-003-saved-replies',
    sql: `
CREATE TABLE workspace_saved_replies (
  id text PRIMARY KEY,
  title text NOT NULL,
  text text NOT NULL,
  created_by text REFERENCES workspace_accounts(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    id: 'workspace-004-phone',
    sql: `
ALTER TABLE workspace_accounts ADD COLUMN phone text;
`,
  },
  // Taking a queued call from the inbox.
  ...voiceTakeMigrations,
];
