import { ToolCallRecord } from '@support/conversation';
import { Passage } from '@support/knowledge';
import { ModelCall } from '../cost/model-spend';
import { GateDecision } from '../gate/confidence-gate';
import { RouteDecision } from '../router/intent-router';

/** Everything one turn decided, ready to be stored and sent. */
export interface TurnOutcome {
  route: RouteDecision;
  passages: Passage[];
  gate: GateDecision;
  /** What the customer reads. */
  text: string;
  /** The summary for the person taking over, when the gate handed off. */
  handoffSummary: string | null;
  toolCalls: ToolCallRecord[];
  /** The model that wrote the answer, if one did. */
  model: string | null;
  modelCalls: ModelCall[];
  sentimentTrend: number;
  latencyMs: Record<string, number>;
  toolRoundCapHit: boolean;
}
