import { Migration } from '@support/platform';

/** Opt-outs (STOP) and every outbound message with its delivery status, for SMS and WhatsApp. */
export const twilioMigrations: Migration[] = [
  {
    id: 'channels-twilio-001-opt-outs-deliveries',
    sql: `
CREATE TABLE twilio_opt_outs (
  channel text NOT NULL,
  address text NOT NULL,
  keyword text NOT NULL,
  opted_out_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (channel, address)
);
CREATE TABLE twilio_deliveries (
  id text PRIMARY KEY,
  channel text NOT NULL,
  conversation_id text,
  reply_to_message_id text UNIQUE,
  purpose text NOT NULL,
  to_address text NOT NULL,
  body text NOT NULL,
  message_sid text UNIQUE,
  status text NOT NULL,
  error_code integer,
  error_message text,
  attempt integer NOT NULL DEFAULT 1,
  retry_of text REFERENCES twilio_deliveries(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX twilio_deliveries_status_idx ON twilio_deliveries (status, updated_at);
CREATE INDEX twilio_deliveries_conversation_idx ON twilio_deliveries (conversation_id, created_at);
`,
  },
  {
    // Sends survive a restart: retries and lookups are rows with a due time, a send in flight holds a lease,
    // and every inbound webhook is kept until it has been dealt with.
    id: 'channels-twilio-002-durable-outbox-inbox',
    sql: `
ALTER TABLE twilio_deliveries
  ADD COLUMN sender text,
  ADD COLUMN next_attempt_at timestamptz,
  ADD COLUMN lease_until timestamptz,
  ADD COLUMN submitted_at timestamptz;
CREATE UNIQUE INDEX twilio_deliveries_retry_of_idx ON twilio_deliveries (retry_of) WHERE retry_of IS NOT NULL;
CREATE INDEX twilio_deliveries_due_idx ON twilio_deliveries (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE INDEX twilio_deliveries_submitting_idx ON twilio_deliveries (lease_until) WHERE status = 'submitting';
-- Rows left as not_sent without a reason were interrupted mid-send: Twilio may have them, so look them up.
UPDATE twilio_deliveries SET status = 'unknown', next_attempt_at = now(), submitted_at = created_at
  WHERE status = 'not_sent' AND error_message IS NULL AND message_sid IS NULL AND created_at > now() - interval '1 day';
CREATE TABLE twilio_inbox (
  message_sid text PRIMARY KEY,
  channel text NOT NULL,
  inbound jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  lease_until timestamptz,
  handled_at timestamptz,
  last_error text
);
CREATE INDEX twilio_inbox_unhandled_idx ON twilio_inbox (received_at) WHERE handled_at IS NULL;
`,
  },
  {
    // When each sender was last told they are over the rate limit: one notice per window, whichever gateway took the message.
    id: 'channels-twilio-003-notice-throttle',
    sql: `
CREATE TABLE twilio_notice_throttle (
  channel text NOT NULL,
  address text NOT NULL,
  notice text NOT NULL,
  until timestamptz NOT NULL,
  PRIMARY KEY (channel, address, notice)
);
`,
  },
];
