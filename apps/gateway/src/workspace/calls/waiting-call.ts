/** A voice conversation's call as the inbox and the conversation view show it. */
export interface WaitingCall {
  /**
   * `transferring`: being moved into the queue; `waiting`: in the queue, anyone may take it; `ringing`: a person
   * took it and their phone rings; `connected`: bridged to a person; `caller_hung_up`: left the queue untaken.
   */
  state: 'transferring' | 'waiting' | 'ringing' | 'connected' | 'caller_hung_up';
  /** Place in line (1 = next), as Twilio last reported it. */
  position: number | null;
  /** Time waited in the queue when Twilio last reported it (`reportedAt`); the page counts on from there. */
  waitMs: number | null;
  reportedAt: string | null;
  /** Whose phone is ringing for it. */
  ringingFor: string | null;
}

/** The columns of the conversation's latest `voice_transfers` row, as the workspace's queries select them. */
export interface WaitingCallRow {
  call_status: string | null;
  call_position: number | null;
  call_wait_ms: number | null;
  call_reported_at: Date | null;
  call_taken_by: string | null;
}

/** The SQL that selects a `WaitingCallRow` for the conversation `c`. */
export const WAITING_CALL_JOIN = `LEFT JOIN LATERAL (
  SELECT status AS call_status, queue_position AS call_position, wait_ms AS call_wait_ms, wait_reported_at AS call_reported_at, taken_by AS call_taken_by
    FROM voice_transfers WHERE conversation_id = c.id ORDER BY requested_at DESC LIMIT 1) vt ON c.channel = 'voice'`;

export function toWaitingCall(row: WaitingCallRow): WaitingCall | null {
  if (!row.call_status) return null;
  const state =
    row.call_status === 'requested'
      ? 'transferring'
      : row.call_status === 'bridged'
        ? 'connected'
        : row.call_status === 'left'
          ? 'caller_hung_up'
          : row.call_taken_by
            ? 'ringing'
            : 'waiting';
  return {
    state,
    position: state === 'waiting' || state === 'ringing' ? row.call_position : null,
    waitMs: row.call_wait_ms,
    reportedAt: row.call_reported_at ? new Date(row.call_reported_at).toISOString() : null,
    ringingFor: state === 'ringing' ? row.call_taken_by : null,
  };
}
