import { Migration } from '@support/platform';

export const conversationMigrations: Migration[] = [
  {
    id: 'conversation-001-core',
    sql: `
CREATE TABLE customers (
  id text PRIMARY KEY,
  name text,
  email text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE customer_identities (
  kind text NOT NULL,
  address text NOT NULL,
  customer_id text NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  verified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, address)
);
CREATE TABLE conversations (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  channel text NOT NULL,
  status text NOT NULL DEFAULT 'bot' CHECK (status IN ('bot', 'waiting_for_human', 'with_human', 'closed')),
  intent text,
  sentiment_trend real NOT NULL DEFAULT 0,
  verified_shop_user_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_customer_idx ON conversations (customer_id, channel, status);
CREATE TABLE messages (
  id text PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  channel text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  author text NOT NULL CHECK (author IN ('customer', 'bot', 'human_agent', 'system')),
  text text NOT NULL,
  attachments jsonb NOT NULL DEFAULT '[]',
  channel_message_id text,
  seq bigserial,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX messages_channel_message_id_idx ON messages (channel, channel_message_id) WHERE channel_message_id IS NOT NULL;
CREATE INDEX messages_conversation_idx ON messages (conversation_id, seq);
CREATE TABLE agent_turns (
  id text PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  message_id text NOT NULL UNIQUE REFERENCES messages(id) ON DELETE CASCADE,
  reply_message_id text REFERENCES messages(id) ON DELETE SET NULL,
  route text NOT NULL,
  intent text NOT NULL,
  intent_confidence real NOT NULL,
  passages jsonb NOT NULL DEFAULT '[]',
  tool_calls jsonb NOT NULL DEFAULT '[]',
  model text,
  tokens_in integer NOT NULL DEFAULT 0,
  tokens_out integer NOT NULL DEFAULT 0,
  tokens_cache_read integer NOT NULL DEFAULT 0,
  tokens_cache_write integer NOT NULL DEFAULT 0,
  cost_usd numeric(12, 6) NOT NULL DEFAULT 0,
  latency_ms jsonb NOT NULL DEFAULT '{}',
  gate_decision text NOT NULL CHECK (gate_decision IN ('reply', 'handoff')),
  gate_reason text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agent_turns_conversation_idx ON agent_turns (conversation_id, created_at);
CREATE TABLE handoffs (
  id text PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  turn_id text REFERENCES agent_turns(id) ON DELETE SET NULL,
  reason text NOT NULL,
  summary text NOT NULL,
  target text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX handoffs_status_idx ON handoffs (status, created_at);
`,
  },
  {
    id: 'conversation-002-tickets',
    sql: `
CREATE TABLE tickets (
  id text PRIMARY KEY,
  conversation_id text NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
  summary text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tickets_status_idx ON tickets (status, created_at);
`,
  },
  {
    // Web chat conversations belong to the browser that opened them: the sha256 of its session token.
    id: 'conversation-003-session-token',
    sql: `
ALTER TABLE conversations ADD COLUMN session_token_hash text;
`,
  },
  {
    // One open ticket per conversation and topic: a model cannot flood the team with tickets.
    id: 'conversation-004-ticket-topic',
    sql: `
ALTER TABLE tickets ADD COLUMN topic text NOT NULL DEFAULT 'general';
CREATE UNIQUE INDEX tickets_open_topic_idx ON tickets (conversation_id, topic) WHERE status = 'open';
`,
  },
  {
    // Failed proofs of ownership count per client address too, so a new web chat per guess gains nothing.
    id: 'conversation-005-client-address',
    sql: `
ALTER TABLE conversations ADD COLUMN client_address text;
`,
  },
  {
    // Whether the channel vouched for the sender of each message: a spoofed caller ID on one call proves nothing.
    id: 'conversation-006-sender-verified',
    sql: `
ALTER TABLE messages ADD COLUMN sender_verified boolean;
`,
  },
  {
    // Conversation states enforced by ConversationStates: resolved joins them, with who has it and since when.
    id: 'conversation-007-states',
    sql: `
ALTER TABLE conversations DROP CONSTRAINT conversations_status_check;
ALTER TABLE conversations ADD CONSTRAINT conversations_status_check CHECK (status IN ('bot', 'waiting_for_human', 'with_human', 'resolved', 'closed'));
ALTER TABLE conversations ADD COLUMN assignee text;
ALTER TABLE conversations ADD COLUMN waiting_since timestamptz;
ALTER TABLE conversations ADD COLUMN resolved_at timestamptz;
CREATE INDEX conversations_waiting_idx ON conversations (status, waiting_since);
ALTER TABLE handoffs ADD COLUMN packet jsonb;
`,
  },
  {
    // A customer message sent while a person had the conversation is theirs: the bot never answers it, later neither.
    id: 'conversation-008-message-for-person',
    sql: `
ALTER TABLE messages ADD COLUMN for_person boolean NOT NULL DEFAULT false;
`,
  },
  {
    // Customer messages a crash left unanswered are looked for every few seconds: found without reading every message.
    id: 'conversation-009-unanswered-index',
    sql: `
CREATE INDEX messages_unanswered_idx ON messages (channel, created_at) WHERE author = 'customer' AND NOT for_person;
`,
  },
];
