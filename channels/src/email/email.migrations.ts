import { Migration } from '@support/platform';

/**
 * The email channel's state:
 * - `email_mailbox_state`: per mailbox, its UIDVALIDITY and the last UID fully handled, so a
 *   restart resumes where it stopped; a first look or a changed UIDVALIDITY starts from UIDNEXT.
 * - `email_inbound`: every mail read, with its outcome and threading headers: the thread map
 *   for inbound Message-IDs, and what a person's reply threads under.
 * - `email_outbox`: every mail the bot sends, written before it is sent; `cause` makes a reply
 *   to one inbound mail unique, `message_id` maps our outbound ids back to their conversation.
 * - `email_mailbox_state.checked_at`: when the watcher last finished reading the mailbox, the start of
 *   what a new UIDVALIDITY may have hidden from it; `backfill_*`: mail below a UID and received since a
 *   time still to be read (the first look at a mailbox, or a new UIDVALIDITY), kept until done.
 * - `email_flag_updates`: \Seen/\Answered still to set on answered mail; the server may be away when
 *   it is answered, so the wish outlives the connection and the process.
 * - `email_outbox.claimed_until`: a gateway sending the mail holds it until then, so two never send one mail at once.
 */
export const emailMigrations: Migration[] = [
  {
    id: 'channels-email-001-mailbox',
    sql: `
CREATE TABLE email_mailbox_state (
  mailbox text PRIMARY KEY,
  uid_validity text NOT NULL,
  last_uid bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE email_inbound (
  message_id text PRIMARY KEY,
  conversation_id text REFERENCES conversations(id) ON DELETE CASCADE,
  mailbox text NOT NULL,
  uid_validity text NOT NULL,
  uid bigint NOT NULL,
  from_address text,
  reply_to text,
  subject text NOT NULL DEFAULT '',
  in_reply_to jsonb NOT NULL DEFAULT '[]',
  reference_ids jsonb NOT NULL DEFAULT '[]',
  outcome text NOT NULL CHECK (outcome IN ('dispatched', 'automated', 'unreadable')),
  reason text,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_inbound_conversation_idx ON email_inbound (conversation_id, received_at);
CREATE TABLE email_outbox (
  id text PRIMARY KEY,
  message_id text NOT NULL UNIQUE,
  conversation_id text NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  cause text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('reply', 'handoff', 'human_reply')),
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX email_outbox_pending_idx ON email_outbox (status, next_attempt_at);
`,
  },
  {
    id: 'channels-email-002-backfill-and-flags',
    sql: `
ALTER TABLE email_mailbox_state
  ADD COLUMN checked_at timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN backfill_below_uid bigint,
  ADD COLUMN backfill_since timestamptz;
CREATE TABLE email_flag_updates (
  mailbox text NOT NULL,
  message_id text NOT NULL,
  uid_validity text NOT NULL,
  uid bigint NOT NULL,
  flags jsonb NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (mailbox, message_id)
);
`,
  },
  {
    id: 'channels-email-003-outbox-claims',
    sql: `ALTER TABLE email_outbox ADD COLUMN claimed_until timestamptz;`,
  },
];
