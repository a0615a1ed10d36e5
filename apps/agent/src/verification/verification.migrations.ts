import { Migration } from '@support/platform';

/** Failed and in-flight proofs of ownership, counted per scope (conversation, customer, client address). */
export const verificationMigrations: Migration[] = [
  {
    id: 'verification-001-proof-attempts',
    sql: `
CREATE TABLE IF NOT EXISTS proof_attempts (
  attempt_id text NOT NULL,
  scope text NOT NULL,
  outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'failed')),
  attempted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (attempt_id, scope)
);
CREATE INDEX IF NOT EXISTS proof_attempts_scope_idx ON proof_attempts (scope, attempted_at);
`,
  },
];
