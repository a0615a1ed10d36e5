import type { MessagesRequest, RequestContentBlock, RequestTool } from './anthropic-wire.types';
import { allConversationText, lastUserMessage, textOf, toolResultsOf, toolResultText } from './conversation-text.reader';
import type { ScriptStep } from './script-step.types';

export const NOT_SURE_ANSWER = "I'm not sure about that.";

const ORDER_NUMBER = /#?\b(W\d{7})\b/i;
/** An email address, or the placeholder a client that redacts personal data sends in its place. */
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[EMAIL_\d+\]/;
const PASSAGE = /<passage\s+id="([^"]*)"[^>]*>([\s\S]*?)<\/passage>/i;
const FACTS_PER_RESULT = 4;

/**
 * A plausible, honest support model for runs without a script. First matching rule wins:
 * 1. the last user message carries tool results → restate their key facts in text;
 * 2. the last user text names an order (`#W1234567`) and an `*order*` tool is offered → call it;
 * 3. a `<passage id="…">` is in the last user message or the system prompt → answer from its opening;
 * 4. otherwise admit not knowing.
 */
export function defaultSupportResponder(request: MessagesRequest): ScriptStep {
  const lastUser = lastUserMessage(request);
  const results = toolResultsOf(lastUser);
  if (results.length > 0) return { reply: results.map(summarizeToolResult).join(' ') };

  const orderCall = orderLookup(request, textOf(lastUser?.content));
  if (orderCall) return { reply: [orderCall] };

  const passage = PASSAGE.exec(textOf(lastUser?.content)) ?? PASSAGE.exec(textOf(request.system));
  if (passage) return { reply: openingSentences(passage[2]) };

  return { reply: NOT_SURE_ANSWER };
}

function orderLookup(request: MessagesRequest, lastUserText: string) {
  const orderNumber = ORDER_NUMBER.exec(lastUserText)?.[1];
  const tool = request.tools?.find((candidate) => /order/i.test(candidate.name));
  if (!orderNumber || !tool) return undefined;
  const input: Record<string, string> = { order_id: `#${orderNumber.toUpperCase()}` };
  const email = EMAIL.exec(allConversationText(request))?.[0];
  if (email && hasProperty(tool, 'email')) input.email = email;
  return { type: 'tool_use' as const, name: tool.name, input };
}

function hasProperty(tool: RequestTool, property: string): boolean {
  return Object.hasOwn(tool.input_schema?.properties ?? {}, property);
}

/** `status` first, then the other plain fields, so "where is my order" gets answered. */
function summarizeToolResult(block: RequestContentBlock): string {
  const text = toolResultText(block);
  if (block.is_error) return `I couldn't look that up: ${text}`.trim();
  const parsed = parseObject(text);
  if (!parsed) return openingSentences(text) || 'The lookup returned nothing.';
  const facts = Object.entries(parsed)
    .filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value))
    .sort(([a], [b]) => Number(b === 'status') - Number(a === 'status'))
    .slice(0, FACTS_PER_RESULT)
    .map(([key, value]) => (key === 'status' ? `The status is ${value}` : `${key.replace(/_/g, ' ')}: ${value}`));
  return facts.length > 0 ? `${facts.join('; ')}.` : 'The lookup returned no details.';
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The first sentence, and the second too when the first is too short to stand alone. */
function openingSentences(text: string): string {
  const sentences =
    text
      .replace(/\s+/g, ' ')
      .trim()
      .match(/[^.!?]+[.!?]*/g) ?? [];
  const [first = '', second = ''] = sentences.map((sentence) => sentence.trim());
  return first.length < 60 && second ? `${first} ${second}` : first;
}
