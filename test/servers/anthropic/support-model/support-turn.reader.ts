import type { MessagesRequest, RequestContentBlock } from '../anthropic-wire.types';
import { textOf, toolResultText } from '../conversation-text.reader';

/** A tool the model called earlier in this turn, with what it got back. */
export interface ToolExchange {
  name: string;
  input: Record<string, unknown>;
  ok: boolean;
  /** Parsed JSON result (data, or `{ error, message }` on failure); the raw text when it is not JSON. */
  result: unknown;
}

/** A help-center passage as the product sends it: `<passage id="…" policies="…">text</passage>`. */
export interface SentPassage {
  id: string;
  title: string;
  section: string;
  text: string;
}

/** What a support model reads from one request: the customer's words, the evidence, and this turn's tool calls. */
export interface SupportTurn {
  /** The current customer message (inside `<customer_message>`). */
  customerText: string;
  /** Earlier customer messages, oldest first. */
  earlierCustomerTexts: string[];
  /** The assistant's last reply before the current customer message. */
  lastReply: string;
  passages: SentPassage[];
  exchanges: ToolExchange[];
  today: Date | null;
  /** Policy ids of the `<policies>` digest in the instructions, with their rule. */
  digest: Map<string, string>;
  /** The email of `<customer_profile>`: what the customer gave us before. */
  profileEmail: string | null;
}

const CUSTOMER_MESSAGE = /<customer_message>\n?([\s\S]*?)\n?<\/customer_message>/;
const PASSAGE = /<passage\s+([^>]*)>\n?([\s\S]*?)\n?<\/passage>/g;
const TODAY = /<today>(\d{4}-\d{2}-\d{2})<\/today>/;
const DIGEST_LINE = /^(POL-[A-Z0-9-]+): (.*)$/gm;

export function readSupportTurn(request: MessagesRequest): SupportTurn {
  const messages = request.messages;
  const current = messages.findIndex((m) => m.role === 'user' && CUSTOMER_MESSAGE.test(textOf(m.content)));
  const currentText = current >= 0 ? textOf(messages[current].content) : '';
  const before = current >= 0 ? messages.slice(0, current) : messages;
  const after = current >= 0 ? messages.slice(current + 1) : [];
  const customerText = CUSTOMER_MESSAGE.exec(currentText)?.[1] ?? '';
  const historyInCurrent = currentText.split(/<today>|<customer_profile|<help_center>/)[0].trim();
  return {
    customerText,
    earlierCustomerTexts: [...before.filter((m) => m.role === 'user').map((m) => textOf(m.content)), historyInCurrent].filter(Boolean),
    lastReply: textOf(before.filter((m) => m.role === 'assistant').at(-1)?.content),
    passages: [...currentText.matchAll(PASSAGE)].map(([, attributes, text]) => passageOf(attributes, text)),
    exchanges: exchangesOf(after),
    today: TODAY.test(currentText) ? new Date(`${TODAY.exec(currentText)![1]}T12:00:00Z`) : null,
    digest: new Map([...textOf(request.system).matchAll(DIGEST_LINE)].map(([, id, rule]) => [id, rule])),
    profileEmail: /<customer_profile[^>]*\bemail="([^"]*)"/.exec(currentText)?.[1] ?? null,
  };
}

function passageOf(attributes: string, text: string): SentPassage {
  const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1]?.replace(/&quot;/g, '"') ?? '';
  return { id: attribute('id'), title: attribute('title'), section: attribute('section'), text };
}

function exchangesOf(messages: MessagesRequest['messages']): ToolExchange[] {
  const calls = new Map<string, { name: string; input: Record<string, unknown> }>();
  const exchanges: ToolExchange[] = [];
  for (const message of messages) {
    if (typeof message.content === 'string') continue;
    for (const block of message.content) {
      if (block.type === 'tool_use' && block.id) calls.set(block.id, { name: block.name ?? '', input: (block.input ?? {}) as Record<string, unknown> });
      if (block.type === 'tool_result' && block.tool_use_id && calls.has(block.tool_use_id)) {
        exchanges.push({ ...calls.get(block.tool_use_id)!, ok: !block.is_error, result: parsed(block) });
      }
    }
  }
  return exchanges;
}

function parsed(block: RequestContentBlock): unknown {
  const text = toolResultText(block);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
