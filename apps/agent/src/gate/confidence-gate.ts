import { Passage } from '@support/knowledge';
import { Generation } from '../generation/response-generator';
import { RouteDecision } from '../router/intent-router';

export interface GateInput {
  route: RouteDecision;
  passages: Passage[];
  /** Null when no answer was generated (the customer asked for a person, or the provider failed). */
  generation: Generation | null;
  providerFailed: boolean;
  /** The customer's mood is getting worse over the conversation. */
  sentimentEscalating: boolean;
  /** The customer asks again what they asked before. */
  repeatedQuestion: boolean;
}

export interface GateDecision {
  decision: 'reply' | 'handoff';
  reason: string | null;
}

export interface ConfidenceGateOptions {
  /** Under this generator confidence the answer is not sent. */
  minConfidence: number;
  /** Under this top passage score, retrieval is weak. */
  minRetrievalScore: number;
  /** This many failed tool calls in one turn hand off. */
  maxToolFailures: number;
}

/** Routes answered from the help center, where weak retrieval means the bot is guessing. */
const HELP_CENTER_ROUTES = new Set(['faq', 'return_refund', 'account', 'out_of_scope']);
/** Tool refusals that are part of a normal conversation (asking for proof or a "yes", a policy saying no), not failures. */
const EXPECTED_REFUSALS = new Set(['needs_verification', 'not_found', 'confirmation_required', 'refused']);

/** Decides whether the bot's answer goes out, or a person takes over, and why. */
export class ConfidenceGate {
  constructor(private readonly options: ConfidenceGateOptions) {}

  decide(input: GateInput): GateDecision {
    const reason = this.handoffReason(input);
    return reason ? { decision: 'handoff', reason } : { decision: 'reply', reason: null };
  }

  private handoffReason(input: GateInput): string | null {
    const { generation } = input;
    if (input.route.route === 'human_request') return 'customer_request';
    if (input.providerFailed) return 'provider_error';
    if (input.sentimentEscalating) return 'negative_sentiment';
    if (input.repeatedQuestion) return 'repeated_question';
    if (!generation) return 'no_answer';
    if (generation.toolRoundCapHit) return 'tool_round_cap';
    if (generation.handoffReason) return generation.handoffReason;
    if (this.toolFailures(generation) >= this.options.maxToolFailures) return 'tool_failures';
    if (!generation.text.trim()) return 'no_answer';
    if (generation.confidence < this.options.minConfidence) return 'low_confidence';
    if (this.retrievalIsWeak(input)) return 'low_retrieval';
    return null;
  }

  private toolFailures(generation: Generation): number {
    return generation.toolCalls.filter((c) => c.isError && !EXPECTED_REFUSALS.has((c.result as { code?: string })?.code ?? '')).length;
  }

  /**
   * An answer resting on help-center passages needs its best passage to score well, or, near the
   * threshold, other top passages from the same article agreeing with it (or the policy it states).
   */
  private retrievalIsWeak(input: GateInput): boolean {
    const generation = input.generation!;
    if (!HELP_CENTER_ROUTES.has(input.route.route) || generation.toolCalls.some((c) => !c.isError)) return false;
    const best = input.passages.find((p) => generation.citedPassageIds.includes(p.id));
    if (!best) return false;
    if (best.score < this.options.minRetrievalScore) return true;
    const agreeing = input.passages.slice(0, 3).filter((p) => p.articleId === best.articleId).length;
    // A policy the passage itself states, cited in the answer, is grounding enough without agreement.
    const citesItsPolicy = generation.policyIds.some((id) => best.policyIds.includes(id));
    return best.score < this.options.minRetrievalScore + 0.1 && agreeing < 2 && !citesItsPolicy;
  }
}
