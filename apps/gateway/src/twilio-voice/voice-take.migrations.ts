import { Migration } from '@support/platform';

/**
 * What taking a queued call from the workspace needs on `voice_transfers` (created by the voice channel's
 * migrations, which run first): the queue's `QU…` sid for the Member dequeue, and who is being dialled for it.
 */
export const voiceTakeMigrations: Migration[] = [
  {
    id: 'gateway-voice-take-001',
    sql: `
ALTER TABLE voice_transfers ADD COLUMN IF NOT EXISTS queue_sid text;
ALTER TABLE voice_transfers ADD COLUMN IF NOT EXISTS wait_reported_at timestamptz;
ALTER TABLE voice_transfers ADD COLUMN IF NOT EXISTS take_token text UNIQUE;
ALTER TABLE voice_transfers ADD COLUMN IF NOT EXISTS taken_by text;
CREATE INDEX IF NOT EXISTS voice_transfers_conversation_idx ON voice_transfers (conversation_id, requested_at);
`,
  },
  {
    // When the hold was made: one never bridged long after (its gateway died before dialling) may be taken again.
    id: 'gateway-voice-take-002',
    sql: `ALTER TABLE voice_transfers ADD COLUMN IF NOT EXISTS take_reserved_at timestamptz;`,
  },
];
