import { Migration } from '@support/platform';

/**
 * Warm transfers of live calls into a Twilio queue. The summary itself is the handoff's
 * (`handoffs.summary`); this row holds what only the phone line knows: which call, which queue,
 * the caller's place in it and the time waited, and who took it.
 */
export const voiceMigrations: Migration[] = [
  {
    id: 'channels-voice-001',
    sql: `
      CREATE TABLE IF NOT EXISTS voice_transfers (
        call_sid TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        handoff_id TEXT,
        queue_name TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'requested',
        queue_position INTEGER,
        wait_ms INTEGER,
        queue_result TEXT,
        agent_call_sid TEXT,
        requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        enqueued_at TIMESTAMPTZ,
        left_queue_at TIMESTAMPTZ
      );
      CREATE INDEX IF NOT EXISTS voice_transfers_waiting ON voice_transfers (queue_name, requested_at) WHERE status IN ('requested', 'waiting');
    `,
  },
];
