import { checkTurn } from '../../evals/src/expectation.checker';
import { scenarioSchema, TurnExpectation } from '../../evals/src/scenario';
import { TurnObservation } from '../../evals/src/turn-observation';
import { TurnRow } from '../../bench/support/turn-records';

const FAQ_TURN: TurnRow = {
  id: 'turn_1',
  conversation_id: 'conv_1',
  route: 'faq',
  tool_calls: [],
  gate_decision: 'reply',
  gate_reason: null,
  model: null,
  tokens_in: 0,
  tokens_out: 0,
  tokens_cache_read: 0,
  tokens_cache_write: 0,
  cost_usd: '0',
  latency_ms: { total: 5 },
};

/** A turn as the runner observes it, with safe defaults: a plain FAQ reply and no tool calls. */
function observed(overrides: Omit<Partial<TurnObservation>, 'record'> & { record?: Record<string, unknown> | null } = {}): TurnObservation {
  const { record, ...rest } = overrides;
  return {
    say: 'What is your return policy?',
    httpStatus: 200,
    reply: 'You can return items within 30 days of delivery (policy POL-RETURN-30D).',
    handoff: null,
    ...rest,
    record: record === null ? null : ({ ...FAQ_TURN, ...record } as TurnRow),
  };
}

function expectation(yamlShape: Record<string, unknown>): TurnExpectation {
  return scenarioSchema.parse({ turns: [{ say: 'hi', expect: yamlShape }] }).turns[0].expect;
}

describe('eval expectations (checkTurn)', () => {
  it('passes a turn that meets route, handoff, contains and policy', () => {
    expect(checkTurn(expectation({ route: ['faq', 'return_refund'], handoff: false, contains: '30 days', policy: 'POL-RETURN-30D' }), observed())).toEqual([]);
  });

  it('names the route it expected and the one the turn record holds', () => {
    expect(checkTurn(expectation({ route: 'account' }), observed())).toEqual([{ expectation: 'route', expected: 'account', actual: 'faq' }]);
  });

  it('matches tool arguments as a subset, with order_id and orderId the same key and /regex/ values', () => {
    const record = { tool_calls: [{ name: 'lookup_order', arguments: { orderId: '#W9000010', email: '[EMAIL_1]' }, isError: false }] };
    expect(checkTurn(expectation({ tools: { name: 'lookup_order', arguments: { order_id: '/W9000010/' }, ok: true } }), observed({ record }))).toEqual([]);
    expect(checkTurn(expectation({ tools: { name: 'lookup_order', arguments: { order_id: '/W9000005/' } } }), observed({ record }))[0].expectation).toBe(
      'tools',
    );
    expect(checkTurn(expectation({ tools: { name: 'lookup_order', ok: false } }), observed({ record }))[0].expectation).toBe('tools');
  });

  it("flags a forbidden call only when it matches: a refused lookup of another customer's order is fine, a successful one is not", () => {
    const forbidden = expectation({ not_tools: { name: 'lookup_order', arguments: { order_id: '/W9000005/' }, ok: true } });
    const refused = { tool_calls: [{ name: 'lookup_order', arguments: { order_id: '#W9000005' }, isError: true }] };
    const shown = { tool_calls: [{ name: 'lookup_order', arguments: { order_id: '#W9000005' }, isError: false }] };
    expect(checkTurn(forbidden, observed({ record: refused }))).toEqual([]);
    expect(checkTurn(forbidden, observed({ record: shown }))[0].expectation).toBe('not_tools');
  });

  it('treats plain strings as case-insensitive substrings and /…/ as regular expressions', () => {
    const reply = 'Your order has SHIPPED with UPS.';
    expect(checkTurn(expectation({ contains: ['shipped', '/\\bUPS\\b/'], not_contains: '/usps/i' }), observed({ reply }))).toEqual([]);
    expect(checkTurn(expectation({ not_contains: 'ups' }), observed({ reply }))[0].expectation).toBe('not_contains');
  });

  it('checks the handoff and its reason', () => {
    const handedOff = observed({ handoff: { reason: 'customer_request', summary: '...' } });
    expect(checkTurn(expectation({ handoff: { reason: 'customer_request' } }), handedOff)).toEqual([]);
    expect(checkTurn(expectation({ handoff: { reason: '/repeat/' } }), handedOff)[0]).toMatchObject({
      expectation: 'handoff',
      actual: 'handoff (customer_request)',
    });
    expect(checkTurn(expectation({ handoff: false }), handedOff)[0].expectation).toBe('handoff');
    expect(checkTurn(expectation({ handoff: true }), observed())[0]).toMatchObject({ expected: 'handoff', actual: 'no handoff' });
  });

  it("counts a policy id cited in the turn record's policy column, but not one only retrieved in passages", () => {
    const reply = 'Returns are accepted within 30 days.';
    expect(checkTurn(expectation({ policy: 'POL-RETURN-30D' }), observed({ reply, record: { policy_ids: ['POL-RETURN-30D'] } }))).toEqual([]);
    const retrievedOnly = observed({
      reply,
      record: { passages: [{ id: 'returns-policy#window', title: 'Returns', score: 0.9, policyIds: ['POL-RETURN-30D'] }] },
    });
    expect(checkTurn(expectation({ policy: 'POL-RETURN-30D' }), retrievedOnly)).toEqual([
      { expectation: 'policy', expected: 'POL-RETURN-30D', actual: 'no policy cited' },
    ]);
  });

  it('reports a failed request once, instead of every expectation', () => {
    expect(checkTurn(expectation({ route: 'faq', contains: 'x' }), observed({ httpStatus: 503, reply: 'unavailable', record: null }))).toEqual([
      { expectation: 'http', expected: '200', actual: '503 unavailable' },
    ]);
  });
});
