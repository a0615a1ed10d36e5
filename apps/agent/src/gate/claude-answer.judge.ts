import Anthropic from '@anthropic-ai/sdk';
import { tokenUsageOf } from '../cost/anthropic-usage';
import { Passage } from '@support/knowledge';
import { ConversationRedaction } from '../pii/conversation-redaction';
import { PiiRedactor } from '../pii/pii-redactor';
import { AnswerJudge, JudgeVerdict } from './answer-judge';

const VERDICT_TOOL: Anthropic.Tool = {
  name: 'verdict',
  description: 'Record whether the reply is fully supported.',
  input_schema: {
    type: 'object',
    properties: { supported: { type: 'boolean' }, reason: { type: 'string', description: 'One sentence' } },
    required: ['supported', 'reason'],
  },
};

const INSTRUCTIONS = `You check a customer-support reply before it is sent. It is supported when every fact, rule, number and date in it is stated in the help-center passages or the tool results given; asking the customer a question or for details is always supported. Call verdict once.`;

/** LLM-as-judge with the small model; when the judge itself fails, the reply stands (the gate already passed it). */
export class ClaudeAnswerJudge extends AnswerJudge {
  constructor(
    private readonly client: Anthropic,
    private readonly model: string,
    private readonly redactor = new PiiRedactor(),
  ) {
    super();
  }

  async judge(input: { question: string; reply: string; passages: Passage[]; toolResults: unknown[] }): Promise<JudgeVerdict> {
    const redaction = new ConversationRedaction(this.redactor);
    const evidence = [
      ...input.passages.map((p) => `<passage id="${p.id}">\n${p.text}\n</passage>`),
      ...input.toolResults.map((r) => `<tool_result>\n${redaction.redact(JSON.stringify(r))}\n</tool_result>`),
    ].join('\n');
    try {
      const response = await this.client.messages.create(
        {
          model: this.model,
          max_tokens: 200,
          system: INSTRUCTIONS,
          tools: [VERDICT_TOOL],
          tool_choice: { type: 'tool', name: VERDICT_TOOL.name },
          messages: [
            {
              role: 'user',
              content: `${evidence}\n<question>\n${redaction.redact(input.question)}\n</question>\n<reply>\n${redaction.redact(input.reply)}\n</reply>`,
            },
          ],
        },
        { timeout: 4000, maxRetries: 0 },
      );
      const call = response.content.find((b): b is Anthropic.ToolUseBlock => b.type === 'tool_use');
      const verdict = (call?.input ?? {}) as { supported?: boolean; reason?: string };
      const usage = tokenUsageOf(response.usage);
      return { supported: verdict.supported !== false, reason: verdict.reason ?? '', spend: { model: this.model, usage } };
    } catch {
      return { supported: true, reason: 'judge unavailable' };
    }
  }
}
