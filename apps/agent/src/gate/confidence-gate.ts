import { Passage } from '@support/knowledge';
import { Generation } from '../generation/response-generator';
import { RouteDecision } from '../router/intent-router';

export interface GateInput {
  route: RouteDecision;
  passages: Passage[];
  /** Null when no answer was generated (the customer asked for a person, or the provider failed). */
  generation: Generation | null;
  providerFailed: boolean;
}

export interface GateDecision {
  decision: 'reply' | 'handoff';
  reason: string | null;
}

export interface ConfidenceGateOptions {
  /** Under this generator confidence the answer is not sent. */
  minConfidence: number;
}

/** Decides whether the bot's answer goes out, or a person takes over, and why. */
export class ConfidenceGate {
  constructor(private readonly options: ConfidenceGateOptions) {}

  decide(input: GateInput): GateDecision {
    const handoff = (reason: string): GateDecision => ({ decision: 'handoff', reason });
    if (input.route.route === 'human_request') return handoff('customer_request');
    if (input.providerFailed) return handoff('provider_error');
    const generation = input.generation;
    if (!generation) return handoff('no_answer');
    if (generation.toolRoundCapHit) return handoff('tool_round_cap');
    if (generation.handoffReason) return handoff(generation.handoffReason);
    if (!generation.text.trim()) return handoff('no_answer');
    if (generation.confidence < this.options.minConfidence) return handoff('low_confidence');
    return { decision: 'reply', reason: null };
  }
}
