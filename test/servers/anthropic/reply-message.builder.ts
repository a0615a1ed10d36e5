import type { InputUsage, ResponseContentBlock, ResponseMessage } from './anthropic-wire.types';
import { generateAnthropicId } from './anthropic-id.generator';
import type { ReplyStep } from './script-step.types';
import { estimateTokens } from './token-count.estimator';

/** Turns a scripted reply into the Message the API would return, usage included. */
export function buildReplyMessage(model: string, step: ReplyStep, inputUsage: InputUsage): ResponseMessage {
  const blocks = typeof step.reply === 'string' ? [{ type: 'text' as const, text: step.reply }] : step.reply;
  const content: ResponseContentBlock[] = blocks.map((block) =>
    block.type === 'text'
      ? { type: 'text', text: block.text, citations: null }
      : { type: 'tool_use', id: block.id ?? generateAnthropicId('toolu'), name: block.name, input: block.input, caller: { type: 'direct' } },
  );
  const usesTool = content.some((block) => block.type === 'tool_use');
  return {
    id: generateAnthropicId('msg'),
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: step.stopReason ?? (usesTool ? 'tool_use' : 'end_turn'),
    stop_sequence: null,
    stop_details: null,
    container: null,
    usage: { ...inputUsage, output_tokens: countOutputTokens(content), service_tier: 'standard' },
  };
}

function countOutputTokens(content: ResponseContentBlock[]): number {
  const tokens = content.reduce((sum, block) => sum + estimateTokens(block.type === 'text' ? block.text : block.name + JSON.stringify(block.input)), 0);
  return Math.max(1, tokens);
}
