import { HandoffPacket, ToolCallRecord } from '@support/conversation';
import { Passage } from '@support/knowledge';
import { ModelCall } from '../cost/model-spend';
import { PendingAction } from '../consent/proposed-action';
import { GateDecision } from '../gate/confidence-gate';
import { RouteDecision } from '../router/intent-router';

/** Everything one turn decided, ready to be stored and sent. */
export interface TurnOutcome {
  route: RouteDecision;
  passages: Passage[];
  gate: GateDecision;
  /** What the customer reads. */
  text: string;
  /** When the gate handed off: the summary and the packet for the person taking over. */
  handoff: { summary: string; packet: HandoffPacket } | null;
  toolCalls: ToolCallRecord[];
  /** The model that wrote the answer, if one did. */
  model: string | null;
  modelCalls: ModelCall[];
  sentimentTrend: number;
  latencyMs: Record<string, number>;
  toolRoundCapHit: boolean;
  /** The change the reply asks the customer to agree to; stored with the reply, so their next message can accept it. */
  proposal: PendingAction | null;
}
