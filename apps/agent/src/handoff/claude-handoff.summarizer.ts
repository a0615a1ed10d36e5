import Anthropic from '@anthropic-ai/sdk';
import { tokenUsageOf } from '../cost/anthropic-usage';
import { Logger } from '@support/platform';
import { ConversationRedaction } from '../pii/conversation-redaction';
import { PiiRedactor } from '../pii/pii-redactor';
import { HandoffContext, HandoffSummarizer, HandoffSummary, templateSummary } from './handoff-summary';

const INSTRUCTIONS = `You write handoff notes for human support agents taking over a conversation from an AI assistant.
From the facts given, write at most 6 short lines: who the customer is; what they want; what the assistant found and did; why it handed off; what the person should do next.
State only what the facts say. Plain text, no greeting.`;

/** The customer is waiting for the handoff message: a slow summary falls back to the template. */
const SUMMARY_TIMEOUT_MS = 4000;
const MODEL_FAILED = new Set(['provider_error', 'deadline', 'model_stalled']);

/** A handoff summary written by the small model, from the template's facts; the template itself if the model fails. */
export class ClaudeHandoffSummarizer extends HandoffSummarizer {
  constructor(
    private readonly client: Anthropic,
    private readonly model: string,
    private readonly logger: Logger,
    private readonly redactor = new PiiRedactor(),
  ) {
    super();
  }

  async summarize(context: HandoffContext): Promise<HandoffSummary> {
    const facts = templateSummary(context);
    // The provider just failed or ran out of time this turn: don't make the customer wait on it again.
    if (MODEL_FAILED.has(context.reason)) return { text: facts };
    const redaction = new ConversationRedaction(this.redactor);
    try {
      const response = await this.client.messages.create(
        {
          model: this.model,
          max_tokens: 300,
          system: INSTRUCTIONS,
          messages: [{ role: 'user', content: `<facts>\n${redactedFacts(context, redaction)}\n</facts>` }],
        },
        { timeout: SUMMARY_TIMEOUT_MS, maxRetries: 0 },
      );
      const text = response.content
        .flatMap((b) => (b.type === 'text' ? [b.text] : []))
        .join('')
        .trim();
      const usage = tokenUsageOf(response.usage);
      return { text: text ? redaction.restore(text) : facts, spend: { model: this.model, usage } };
    } catch (error) {
      this.logger.warn({ err: { message: (error as Error).message } }, 'handoff summary model failed; using the template');
      return { text: facts };
    }
  }
}

/** Customer messages are redacted before the template shortens them, then the rest (contacts, tool arguments). */
function redactedFacts(context: HandoffContext, redaction: ConversationRedaction): string {
  return redaction.redact(templateSummary(context, (text) => redaction.redact(text)));
}
