import Anthropic from '@anthropic-ai/sdk';

/** Tool calls run per model response (`perRound`) and per turn (`perTurn`); a model cannot talk its way past them. */
export interface ToolCallLimits {
  perRound: number;
  perTurn: number;
}

export type ToolCallLimit = 'round' | 'turn';

export const NO_TOOL_CALL_LIMITS: ToolCallLimits = { perRound: Infinity, perTurn: Infinity };

/** The answer to a tool call not run because a limit was reached: the API needs a result for every `tool_use`. */
export function refusedToolResult(toolUseId: string, limit: ToolCallLimit, limits: ToolCallLimits): Anthropic.ToolResultBlockParam {
  const message =
    limit === 'round'
      ? `Not run: at most ${limits.perRound} tool calls are run per response. Ask again for what you still need.`
      : `Not run: this turn already ran ${limits.perTurn} tool calls, the most allowed. Answer with what you have, or hand off.`;
  return { type: 'tool_result', tool_use_id: toolUseId, content: JSON.stringify({ error: 'limit', message }), is_error: true };
}
