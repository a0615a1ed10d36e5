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
];
