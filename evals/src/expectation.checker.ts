import { ToolExpectation, TurnExpectation } from './scenario';
import { TextPattern } from './text-pattern';
import { citedPolicyIds, ToolCallSeen, toolCallsOf, TurnObservation } from './turn-observation';

/** One expectation a turn did not meet. */
export interface ExpectationFailure {
  /** Which kind: route, tools, not_tools, handoff, contains, not_contains, policy, http, record. */
  expectation: string;
  expected: string;
  actual: string;
}

/** Checks one turn against its expectations; an empty list means the turn passed. */
export function checkTurn(expect: TurnExpectation, seen: TurnObservation): ExpectationFailure[] {
  if (seen.httpStatus !== 200) return [{ expectation: 'http', expected: '200', actual: `${seen.httpStatus} ${seen.reply.slice(0, 200)}` }];
  const failures: ExpectationFailure[] = [];
  const fail = (expectation: string, expected: string, actual: string) => failures.push({ expectation, expected, actual });
  const calls = toolCallsOf(seen);

  if (expect.route) {
    const route = seen.record?.route ?? null;
    if (!route || !expect.route.includes(route as never))
      fail('route', expect.route.join(' | '), route ?? 'no turn record (the bot stayed silent: a person has the conversation)');
  }
  for (const tool of expect.tools ?? []) {
    if (!calls.some((call) => toolMatches(tool, call))) fail('tools', describeTool(tool), describeCalls(calls));
  }
  for (const tool of expect.not_tools ?? []) {
    const offending = calls.filter((call) => toolMatches(tool, call));
    if (offending.length) fail('not_tools', `no call ${describeTool(tool)}`, describeCalls(offending));
  }
  if (expect.handoff !== undefined) checkHandoff(expect.handoff, seen, fail);
  for (const source of expect.contains ?? []) {
    const pattern = new TextPattern(source);
    if (!pattern.foundIn(seen.reply)) fail('contains', pattern.toString(), excerpt(seen.reply));
  }
  for (const source of expect.not_contains ?? []) {
    const pattern = new TextPattern(source);
    if (pattern.foundIn(seen.reply)) fail('not_contains', `not ${pattern}`, excerpt(seen.reply));
  }
  if (expect.policy) {
    const cited = citedPolicyIds(seen);
    const missing = expect.policy.filter((id) => !cited.some((citedId) => new TextPattern(id).matchesWhole(citedId)));
    if (missing.length) fail('policy', expect.policy.join(', '), cited.length ? `cited ${cited.join(', ')}` : 'no policy cited');
  }
  return failures;
}

function checkHandoff(expected: NonNullable<TurnExpectation['handoff']>, seen: TurnObservation, fail: (e: string, x: string, a: string) => void): void {
  const actual = seen.handoff ? `handoff (${seen.handoff.reason})` : 'no handoff';
  if (expected === false) {
    if (seen.handoff) fail('handoff', 'no handoff', actual);
    return;
  }
  if (!seen.handoff) {
    fail('handoff', expected === true ? 'handoff' : `handoff (${expected.reason.join(' | ')})`, actual);
    return;
  }
  if (expected !== true && !expected.reason.some((reason) => new TextPattern(reason).matchesWhole(seen.handoff!.reason))) {
    fail('handoff', `handoff (${expected.reason.join(' | ')})`, actual);
  }
}

function toolMatches(expected: ToolExpectation, call: ToolCallSeen): boolean {
  if (!new TextPattern(expected.name).matchesWhole(call.name)) return false;
  if (expected.ok !== undefined && expected.ok === call.isError) return false;
  return expected.arguments === undefined || isSubset(expected.arguments, call.arguments);
}

/** Every expected key is present with a matching value; `order_id` and `orderId` are the same key. */
export function isSubset(expected: unknown, actual: unknown): boolean {
  if (typeof expected === 'string') {
    return (typeof actual === 'string' || typeof actual === 'number') && new TextPattern(expected).matchesWhole(String(actual));
  }
  if (Array.isArray(expected)) return Array.isArray(actual) && expected.every((item) => actual.some((candidate) => isSubset(item, candidate)));
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const byKey = new Map(Object.entries(actual).map(([key, value]) => [normaliseKey(key), value]));
    return Object.entries(expected).every(([key, value]) => byKey.has(normaliseKey(key)) && isSubset(value, byKey.get(normaliseKey(key))));
  }
  return expected === actual;
}

function normaliseKey(key: string): string {
  return key.replace(/[_-]/g, '').toLowerCase();
}

function describeTool(tool: ToolExpectation): string {
  const args = tool.arguments ? ` ${JSON.stringify(tool.arguments)}` : '';
  const ok = tool.ok === undefined ? '' : tool.ok ? ' succeeding' : ' refused';
  return `${tool.name}${args}${ok}`;
}

function describeCalls(calls: ToolCallSeen[]): string {
  if (!calls.length) return 'no tool calls';
  return calls.map((c) => `${c.name} ${JSON.stringify(c.arguments)}${c.isError ? ' (error)' : ''}`).join('; ');
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat || '(empty reply)';
}
