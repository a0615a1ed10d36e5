import { Customer, CustomerIdentity, Message, TokenUsage, ToolCallRecord } from '@support/conversation';
import { Passage } from '@support/knowledge';
import { RouteDecision } from '../router/intent-router';

export interface HandoffContext {
  customer: Customer;
  identities: CustomerIdentity[];
  channel: string;
  history: Message[];
  text: string;
  route: RouteDecision;
  passages: Passage[];
  toolCalls: ToolCallRecord[];
  reason: string;
}

const QUOTED_MESSAGE_CHARS = 200;

const NEXT_STEP: Record<string, string> = {
  customer_request: 'Greet the customer and ask how you can help; the request so far is above.',
  no_answer: 'The help center does not cover this question: answer it, and consider adding an article.',
  low_confidence: 'Check the question against the help center and answer it.',
  provider_error: 'The AI model was unavailable: answer the customer directly.',
  deadline: 'The AI model did not answer in time: answer the customer directly.',
  model_stalled: 'The AI model stopped mid-answer: answer the customer directly.',
  answer_cut_off: 'The AI answer ran past its length limit and was not sent: answer the customer directly.',
  negative_sentiment: 'The customer is getting frustrated: acknowledge it, then solve the problem.',
  repeated_question: 'The bot answered but the customer asked again: the answer did not help.',
  tool_failures: 'The order tools kept failing: look up the order yourself.',
  uncited_policy: 'The bot could not back a policy answer with a policy id: answer from the policy.',
  low_retrieval: 'The help center barely covers this: answer it, and consider improving the article.',
  model_requested: 'The model judged this needs a person: read the conversation and reply.',
  tool_round_cap: 'The bot looped on its tools: look up the order yourself.',
  action_needs_person: 'Make the requested change to the order, then confirm it to the customer.',
};

/** What the person taking over should do first, by handoff reason. */
export function nextStepFor(reason: string): string {
  return NEXT_STEP[reason] ?? 'Read the conversation and reply to the customer.';
}

export interface HandoffSummary {
  text: string;
  /** What a model spent writing it, when one did. */
  spend?: { model: string; usage: TokenUsage };
}

/** Writes the summary a person reads first: who, what they want, what the bot found and did, why, what next. */
export abstract class HandoffSummarizer {
  abstract summarize(context: HandoffContext): Promise<HandoffSummary>;
}

export class TemplateHandoffSummarizer extends HandoffSummarizer {
  async summarize(context: HandoffContext): Promise<HandoffSummary> {
    return { text: templateSummary(context) };
  }
}

/**
 * The summary from the conversation's facts alone, no model: the embedded engine's, and the fallback. `redact` is
 * applied to each customer message before it is shortened, so a cut never leaves part of an email or card number
 * that the redactor can no longer recognise.
 */
export function templateSummary(context: HandoffContext, redact: (text: string) => string = (text) => text): string {
  const who = context.customer.name ?? 'Unknown name';
  const contacts = [context.customer.email, ...context.identities.filter((i) => i.kind !== 'web_session').map((i) => `${i.kind} ${i.address}`)]
    .filter(Boolean)
    .join(', ');
  const asked = context.history
    .filter((m) => m.author === 'customer')
    .map((m) => m.text)
    .concat(context.text)
    .slice(-3)
    .map((t) => `"${truncate(redact(t), QUOTED_MESSAGE_CHARS)}"`)
    .join(' then ');
  const found = context.passages.length
    ? context.passages
        .slice(0, 3)
        .map((p) => `${p.title} (score ${p.score.toFixed(2)})`)
        .join('; ')
    : 'nothing relevant in the help center';
  const did = context.toolCalls.length
    ? context.toolCalls.map((c) => `${c.name}(${JSON.stringify(c.arguments)}) → ${c.isError ? 'failed' : 'ok'}`).join('; ')
    : 'no tools used';
  return [
    `Customer: ${who}${contacts ? ` (${contacts})` : ''}, on ${context.channel}.`,
    `Wants: ${asked} [route ${context.route.route}, confidence ${context.route.confidence.toFixed(2)}].`,
    `Bot found: ${found}.`,
    `Bot did: ${did}.`,
    `Why handed off: ${context.reason.replace(/_/g, ' ')}.`,
    `Next: ${nextStepFor(context.reason)}`,
  ].join('\n');
}

/** Cut at a word boundary when there is one, so neither a word nor a "[PHONE_1]" placeholder is split. */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.search(/\s\S*$/);
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
