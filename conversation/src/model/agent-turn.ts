/** Everything the agent did for one customer message: for replay, audit and cost. */
export interface AgentTurnRecord {
  id: string;
  conversationId: string;
  /** The customer message this turn answered; unique, so a message is never answered twice. */
  messageId: string;
  replyMessageId: string | null;
  route: string;
  intent: string;
  intentConfidence: number;
  passages: Array<{ id: string; title: string; score: number; policyIds: string[] }>;
  toolCalls: ToolCallRecord[];
  model: string | null;
  usage: TokenUsage;
  costUsd: number;
  /** Milliseconds per stage: route, retrieve, generate, gate, handoff, total. */
  latencyMs: Record<string, number>;
  gateDecision: 'reply' | 'handoff';
  gateReason: string | null;
  createdAt: Date;
}

export interface ToolCallRecord {
  name: string;
  arguments: Record<string, unknown>;
  result: unknown;
  isError: boolean;
  durationMs: number;
}

export interface TokenUsage {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

export const NO_USAGE: TokenUsage = Object.freeze({ input: 0, output: 0, cacheRead: 0, cacheWrite: 0 });
