import { NO_USAGE } from '@support/conversation';
import { Passage } from '@support/knowledge';
import { Generation } from '../generation/response-generator';
import { RouteDecision } from '../router/intent-router';
import { ConfidenceGate, GateInput } from './confidence-gate';

const faq: RouteDecision = { route: 'faq', intent: 'faq', confidence: 0.9, stage: 'local' };
const passage = (id: string, articleId: string, score: number): Passage => ({ id, articleId, title: articleId, section: '', text: '', policyIds: [], score });
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
const failedTool = (code: string) => ({ name: 'lookup_order', arguments: {}, result: { ok: false, code }, isError: true, durationMs: 1 });

describe(ConfidenceGate.name, () => {
  const gate = new ConfidenceGate({ minConfidence: 0.4, minRetrievalScore: 0.4, maxToolFailures: 2 });
  const decide = (overrides: Partial<GateInput> = {}) =>
    gate.decide({
      route: faq,
      passages: [passage('returns#1', 'returns', 0.8)],
      generation: answer(),
      providerFailed: false,
      sentimentEscalating: false,
      repeatedQuestion: false,
      ...overrides,
    });

  it('lets a confident, grounded answer through', () => {
    expect(decide()).toEqual({ decision: 'reply', reason: null });
  });

  it.each([
    ['the customer asks for a person', { route: { ...faq, route: 'human_request' as const } }, 'customer_request'],
    ['the model provider failed', { generation: null, providerFailed: true }, 'provider_error'],
    ["the customer's mood keeps getting worse", { sentimentEscalating: true }, 'negative_sentiment'],
    ['the customer repeats the same question', { repeatedQuestion: true }, 'repeated_question'],
    ['the answer is under the confidence threshold', { generation: answer({ confidence: 0.2 }) }, 'low_confidence'],
    ['the tool-round cap was hit', { generation: answer({ toolRoundCapHit: true }) }, 'tool_round_cap'],
    ['the generator says so', { generation: answer({ text: '', handoffReason: 'no_answer' }) }, 'no_answer'],
    ['tools keep failing', { generation: answer({ toolCalls: [failedTool('internal'), failedTool('invalid_argument')] }) }, 'tool_failures'],
    ['the cited passage scores under the retrieval threshold', { passages: [passage('returns#1', 'returns', 0.3)] }, 'low_retrieval'],
    [
      'a borderline passage has no other passage of its article agreeing',
      { passages: [passage('returns#1', 'returns', 0.45), passage('x#1', 'shipping', 0.44), passage('y#1', 'warranty', 0.43)] },
      'low_retrieval',
    ],
  ])('hands off when %s', (_, overrides, reason) => {
    expect(decide(overrides as Partial<GateInput>)).toEqual({ decision: 'handoff', reason });
  });

  it('does not count asking the customer for proof as a tool failure', () => {
    expect(decide({ generation: answer({ toolCalls: [failedTool('needs_verification'), failedTool('not_found')] }) }).decision).toBe('reply');
  });

  it('trusts a borderline passage whose own policy the answer cites', () => {
    const passages = [
      { ...passage('refunds#1', 'refunds', 0.45), policyIds: ['POL-RETURN-30D'] },
      passage('x#1', 'shipping', 0.44),
      passage('y#1', 'warranty', 0.43),
    ];
    expect(decide({ passages, generation: answer({ citedPassageIds: ['refunds#1'] }) }).decision).toBe('reply');
  });

  it('trusts a borderline passage when other top passages of the same article agree', () => {
    const passages = [passage('returns#1', 'returns', 0.45), passage('returns#2', 'returns', 0.44)];
    expect(decide({ passages }).decision).toBe('reply');
  });
});
