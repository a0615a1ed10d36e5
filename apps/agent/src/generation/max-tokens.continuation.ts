import Anthropic from '@anthropic-ai/sdk';

/**
 * The text of an answer cut off at `max_tokens`, sent back as the start of the assistant's turn so
 * the model continues it. The API refuses a final assistant turn ending in whitespace, so it is trimmed.
 * A `tool_use` block cut mid-input is dropped: its JSON is incomplete and must never run.
 */
export function cutOffPrefix(response: Anthropic.Message): { prefix: string; trimmed: boolean } {
  const text = response.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
  const prefix = text.trimEnd();
  return { prefix, trimmed: prefix.length < text.length };
}

/** The messages that ask for the rest of a cut-off answer: the same conversation, ending with what was written. */
export function continuationMessages(messages: Anthropic.MessageParam[], prefix: string): Anthropic.MessageParam[] {
  return prefix ? [...messages, { role: 'assistant', content: prefix }] : messages;
}

/** The cut-off answer and its continuation as one message, as if the model had written it in one go. */
export function joinContinuation(prefix: string, continued: Anthropic.Message): Anthropic.Message {
  if (!prefix) return continued;
  const [first, ...rest] = continued.content;
  const content: Anthropic.ContentBlock[] =
    first?.type === 'text' ? [{ ...first, text: prefix + first.text }, ...rest] : [{ type: 'text', text: prefix, citations: null }, ...continued.content];
  return { ...continued, content };
}
