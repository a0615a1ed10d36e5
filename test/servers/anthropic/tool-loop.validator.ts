import type { RequestContentBlock, RequestMessage } from './anthropic-wire.types';

/**
 * The API's tool-loop rule: every `tool_use` of an assistant turn is answered by a
 * `tool_result` in the very next user message, and no `tool_result` answers anything else.
 * Returns the API's error message, or undefined when the conversation is well formed.
 */
export function findToolLoopViolation(messages: RequestMessage[]): string | undefined {
  for (let index = 0; index < messages.length; index++) {
    const message = messages[index];
    const previous = messages[index - 1];
    const offered = previous?.role === 'assistant' ? idsOf(previous, 'tool_use') : new Set<string>();
    if (message.role === 'user') {
      const unexpected = [...idsOf(message, 'tool_result')].filter((id) => !offered.has(id));
      if (unexpected.length > 0) {
        return `messages.${index}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${unexpected.join(', ')}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
      }
    }
    if (message.role === 'assistant') {
      const next = messages[index + 1];
      const answered = next?.role === 'user' ? idsOf(next, 'tool_result') : new Set<string>();
      const unanswered = [...idsOf(message, 'tool_use')].filter((id) => !answered.has(id));
      if (unanswered.length > 0) {
        return `messages.${index + 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${unanswered.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
      }
    }
  }
  return undefined;
}

function idsOf(message: RequestMessage, type: 'tool_use' | 'tool_result'): Set<string> {
  if (typeof message.content === 'string') return new Set();
  const blocks: RequestContentBlock[] = message.content.filter((block) => block.type === type);
  return new Set(blocks.map((block) => String(type === 'tool_use' ? block.id : block.tool_use_id)));
}
