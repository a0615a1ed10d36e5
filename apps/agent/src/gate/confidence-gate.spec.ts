import { NO_USAGE } from '@support/conversation';
import { Generation } from '../generation/response-generator';
import { RouteDecision } from '../router/intent-router';
import { ConfidenceGate } from './confidence-gate';

const faq: RouteDecision = { route: 'faq', intent: 'faq', confidence: 0.9, stage: 'local' };
const answer = (overrides: Partial<Generation> = {}): Generation => ({
  text: 'You can return items within 30 days (policy POL-RETURN-30D).',
  citedPassageIds: ['returns#1'],
  policyIds: ['POL-RETURN-30D'],
  confidence: 0.8,
  handoffReason: null,
  toolCalls: [],
  toolRoundCapHit: false,
  model: null,
  usage: NO_USAGE,
  ...overrides,
});

describe(ConfidenceGate.name, () => {
  const gate = new ConfidenceGate({ minConfidence: 0.35 });
  const decide = (generation: Generation | null, route = faq, providerFailed = false) => gate.decide({ route, passages: [], generation, providerFailed });

  it('lets a confident, grounded answer through', () => {
    expect(decide(answer())).toEqual({ decision: 'reply', reason: null });
  });

  it('hands off when the customer asks for a person', () => {
    expect(decide(null, { ...faq, route: 'human_request' })).toEqual({ decision: 'handoff', reason: 'customer_request' });
  });

  it('hands off when the model provider failed', () => {
    expect(decide(null, faq, true)).toEqual({ decision: 'handoff', reason: 'provider_error' });
  });

  it('hands off an answer under the confidence threshold', () => {
    expect(decide(answer({ confidence: 0.2 }))).toEqual({ decision: 'handoff', reason: 'low_confidence' });
  });

  it('hands off when the tool-round cap was hit', () => {
    expect(decide(answer({ toolRoundCapHit: true }))).toEqual({ decision: 'handoff', reason: 'tool_round_cap' });
  });

  it("hands off with the generator's own reason", () => {
    expect(decide(answer({ text: '', handoffReason: 'no_answer' }))).toEqual({ decision: 'handoff', reason: 'no_answer' });
  });
});
