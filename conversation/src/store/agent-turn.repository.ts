import { Database, Queryable } from '@support/platform';
import { AgentTurnRecord } from '../model/agent-turn';

interface AgentTurnRow {
  id: string;
  conversation_id: string;
  message_id: string;
  reply_message_id: string | null;
  route: string;
  intent: string;
  intent_confidence: number;
  passages: AgentTurnRecord['passages'];
  tool_calls: AgentTurnRecord['toolCalls'];
  model: string | null;
  tokens_in: number;
  tokens_out: number;
  tokens_cache_read: number;
  tokens_cache_write: number;
  cost_usd: string | number;
  latency_ms: Record<string, number>;
  gate_decision: 'reply' | 'handoff';
  gate_reason: string | null;
  created_at: Date;
}

export class AgentTurnRepository {
  constructor(private readonly db: Database) {}

  async insert(turn: Omit<AgentTurnRecord, 'createdAt'>, tx: Queryable = this.db): Promise<void> {
    await tx.query(
      `INSERT INTO agent_turns (id, conversation_id, message_id, reply_message_id, route, intent, intent_confidence, passages,
         tool_calls, model, tokens_in, tokens_out, tokens_cache_read, tokens_cache_write, cost_usd, latency_ms, gate_decision, gate_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        turn.id,
        turn.conversationId,
        turn.messageId,
        turn.replyMessageId,
        turn.route,
        turn.intent,
        turn.intentConfidence,
        JSON.stringify(turn.passages),
        JSON.stringify(turn.toolCalls),
        turn.model,
        turn.usage.input,
        turn.usage.output,
        turn.usage.cacheRead,
        turn.usage.cacheWrite,
        turn.costUsd,
        JSON.stringify(turn.latencyMs),
        turn.gateDecision,
        turn.gateReason,
      ],
    );
  }

  async findByMessage(messageId: string, tx: Queryable = this.db): Promise<AgentTurnRecord | null> {
    const { rows } = await tx.query<AgentTurnRow>(`SELECT * FROM agent_turns WHERE message_id = $1`, [messageId]);
    return rows[0] ? toTurn(rows[0]) : null;
  }

  /** Which messages of a conversation have been answered, and on which route, oldest first: cheap, no turn details. */
  async answered(conversationId: string, tx: Queryable = this.db): Promise<Array<{ messageId: string; route: string }>> {
    const { rows } = await tx.query<{ message_id: string; route: string }>(
      `SELECT message_id, route FROM agent_turns WHERE conversation_id = $1 ORDER BY created_at`,
      [conversationId],
    );
    return rows.map((r) => ({ messageId: r.message_id, route: r.route }));
  }

  async list(conversationId: string, tx: Queryable = this.db): Promise<AgentTurnRecord[]> {
    const { rows } = await tx.query<AgentTurnRow>(`SELECT * FROM agent_turns WHERE conversation_id = $1 ORDER BY created_at`, [conversationId]);
    return rows.map(toTurn);
  }
}

function toTurn(row: AgentTurnRow): AgentTurnRecord {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    replyMessageId: row.reply_message_id,
    route: row.route,
    intent: row.intent,
    intentConfidence: Number(row.intent_confidence),
    passages: row.passages,
    toolCalls: row.tool_calls,
    model: row.model,
    usage: { input: row.tokens_in, output: row.tokens_out, cacheRead: row.tokens_cache_read, cacheWrite: row.tokens_cache_write },
    costUsd: Number(row.cost_usd),
    latencyMs: row.latency_ms,
    gateDecision: row.gate_decision,
    gateReason: row.gate_reason,
    createdAt: new Date(row.created_at),
  };
}
