import { TurnRow } from '../../bench/support/turn-records';

/** What the product did for one customer turn, as the customer saw it and as the turn record holds it. */
export interface TurnObservation {
  say: string;
  httpStatus: number;
  reply: string;
  handoff: null | { reason: string; summary: string };
  /** Null when the product wrote no turn record (it stayed silent, or the request failed). */
  record: TurnRow | null;
}

export interface ToolCallSeen {
  name: string;
  arguments: Record<string, unknown>;
  isError: boolean;
}

export function toolCallsOf(observation: TurnObservation): ToolCallSeen[] {
  const calls = observation.record?.tool_calls;
  if (!Array.isArray(calls)) return [];
  return calls.map((call) => ({ name: String(call.name), arguments: call.arguments ?? {}, isError: call.isError === true }));
}

/**
 * Policy ids the turn cites: those in the reply text, plus any array column of the turn record whose name
 * says it holds cited policies (e.g. `policy_ids`, `cited_policy_ids`), so a structured answer counts too.
 * Retrieved passages' policy ids do not count: retrieving a policy is not citing it.
 */
export function citedPolicyIds(observation: TurnObservation): string[] {
  const fromText = observation.reply.match(/POL-[A-Z0-9]+(?:-[A-Z0-9]+)*/g) ?? [];
  const fromRecord = Object.entries(observation.record ?? {})
    .filter(([column, value]) => /polic/i.test(column) && Array.isArray(value))
    .flatMap(([, value]) => (value as unknown[]).filter((id): id is string => typeof id === 'string'));
  return [...new Set([...fromText, ...fromRecord])];
}
