import type { MessagesRequest, RequestContentBlock, RequestMessage } from './anthropic-wire.types';

/** Plain text of a message or system prompt: its text blocks, joined. */
export function textOf(content: string | RequestContentBlock[] | undefined): string {
  if (content === undefined) return '';
  if (typeof content === 'string') return content;
  return content.flatMap((block) => (block.type === 'text' && block.text ? [block.text] : [])).join('\n');
}

export function lastUserMessage(request: MessagesRequest): RequestMessage | undefined {
  return [...request.messages].reverse().find((message) => message.role === 'user');
}

export function toolResultsOf(message: RequestMessage | undefined): RequestContentBlock[] {
  if (!message || typeof message.content === 'string') return [];
  return message.content.filter((block) => block.type === 'tool_result');
}

/** What the tool returned, as text: a string content, or its text blocks. */
export function toolResultText(block: RequestContentBlock): string {
  return textOf(block.content);
}

/** Every piece of text the customer and the operator wrote, in order: system first. */
export function allConversationText(request: MessagesRequest): string {
  return [textOf(request.system), ...request.messages.map((message) => textOf(message.content))].join('\n');
}
