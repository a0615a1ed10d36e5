import { Database } from '@support/platform';

/**
 * A row of `agent_turns` as the database holds it. Read with SELECT * so that columns the agent adds later
 * (cited policy ids, sentiment, …) are there for whoever looks for them.
 */
export type TurnRow = Record<string, unknown> & {
  id: string;
  conversation_id: string;
  route: string;
  tool_calls: Array<{ name: string; arguments: Record<string, unknown>; result?: unknown; isError?: boolean }>;
  gate_decision: string;
  gate_reason: string | null;
  model: string | null;
  tokens_in: number;
  tokens_out: number;
  tokens_cache_read: number;
  tokens_cache_write: number;
  cost_usd: string | number;
  latency_ms: Record<string, number>;
};

/** The conversation's turn records, oldest first. */
export async function turnsOf(db: Database, conversationId: string): Promise<TurnRow[]> {
  const { rows } = await db.query<TurnRow>(`SELECT * FROM agent_turns WHERE conversation_id = $1 ORDER BY created_at, id`, [conversationId]);
  return rows;
}

/** Every turn record, oldest first. */
export async function allTurns(db: Database): Promise<TurnRow[]> {
  const { rows } = await db.query<TurnRow>(`SELECT * FROM agent_turns ORDER BY created_at, id`);
  return rows;
}
