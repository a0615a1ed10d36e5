import type Anthropic from '@anthropic-ai/sdk';
import { ToolCallRecord } from '@support/conversation';

/** What one tool call did, for the model (content) and for the turn record. */
export interface ToolExecution {
  record: ToolCallRecord;
  /** The tool result the model reads: JSON or a short message. */
  content: string;
  /** The tool asked for a person to take over. */
  handoffRequested: boolean;
}

/**
 * The tools a model may call in one conversation. Implementations carry the conversation's
 * identity and enforce authorisation themselves: the model's arguments are never trusted alone.
 */
export interface ToolSet {
  readonly definitions: Anthropic.Tool[];
  execute(name: string, input: unknown): Promise<ToolExecution>;
}

/** What a tool returns: its data, or a refusal with a code the model can act on. */
export type ToolCallOutcome = { ok: true; data: unknown } | { ok: false; code: string; message: string };

/**
 * Runs one tool call with the model's arguments (an object, whatever the model sent), times it and
 * records it; the model reads the data (as `describe` renders it) or the refusal, as JSON.
 */
export async function runToolCall(
  name: string,
  input: unknown,
  run: (args: Record<string, unknown>) => Promise<ToolCallOutcome> | ToolCallOutcome,
  describe: (data: unknown) => string = (data) => JSON.stringify(data),
): Promise<{ outcome: ToolCallOutcome; record: ToolCallRecord; content: string }> {
  const started = performance.now();
  const args = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const outcome = await run(args);
  return {
    outcome,
    record: { name, arguments: args, result: outcome, isError: !outcome.ok, durationMs: performance.now() - started },
    content: outcome.ok ? describe(outcome.data) : JSON.stringify({ error: outcome.code, message: outcome.message }),
  };
}
