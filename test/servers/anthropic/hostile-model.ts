import type { MessagesRequest, ReplyBlock } from './anthropic-wire.types';
import { defaultSupportResponder } from './default-support.responder';
import type { Responder, ScriptStep } from './script-step.types';

/** One step of the hostile model: a round of tool calls, or the text it ends the turn with. */
export type HostileMove = { calls: Array<{ name: string; input: Record<string, unknown> }> } | { say: string; delayMs?: number };

/** What the product answered one tool call with. */
export interface ToolAnswer {
  name: string;
  input: Record<string, unknown>;
  content: string;
  isError: boolean;
}

/**
 * A model that does whatever it was talked into: scripted move by move, it calls any tool with any
 * arguments (invented proof, other customers' orders, writes nobody agreed to, floods), never checking
 * what the customer said. Only requests that answer a customer (the support tools offered) take moves;
 * handoff summaries and the like get the default responder. `answers` keeps every tool result the
 * product sent back, so a test reads what the tools said to the model.
 */
export class HostileModel {
  private readonly moves: HostileMove[] = [];
  readonly answers: ToolAnswer[] = [];

  plan(...moves: HostileMove[]): this {
    this.moves.push(...moves);
    return this;
  }

  reset(): void {
    this.moves.length = 0;
    this.answers.length = 0;
  }

  readonly responder: Responder = (request: MessagesRequest): ScriptStep => {
    if (!request.tools?.some((t) => t.name === 'lookup_order')) return defaultSupportResponder(request);
    this.answers.push(...toolAnswersIn(request));
    const move = this.moves.shift() ?? { say: 'Is there anything else I can help with?' };
    if ('say' in move) return { reply: move.say, ...(move.delayMs ? { delayMs: move.delayMs } : {}) };
    return { reply: move.calls.map((call): ReplyBlock => ({ type: 'tool_use', name: call.name, input: call.input })) };
  };
}

/** The tool results in the request's last user message, matched to the calls in the assistant message before it. */
function toolAnswersIn(request: MessagesRequest): ToolAnswer[] {
  const [previous, last] = request.messages.slice(-2);
  if (!previous || !last || !Array.isArray(last.content) || !Array.isArray(previous.content)) return [];
  const calls = new Map(previous.content.filter((b) => b.type === 'tool_use').map((b) => [b.id, b]));
  return last.content
    .filter((b) => b.type === 'tool_result')
    .map((b) => {
      const call = calls.get(b.tool_use_id);
      const content = typeof b.content === 'string' ? b.content : JSON.stringify(b.content);
      return { name: String(call?.name), input: (call?.input ?? {}) as Record<string, unknown>, content, isError: b.is_error === true };
    });
}
