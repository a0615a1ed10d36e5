import Anthropic from '@anthropic-ai/sdk';

/** Scores from 1 (bad) to 5 (excellent) for one bot reply. */
export interface JudgeScores {
  helpfulness: number;
  groundedness: number;
}

const SCORE_TOOL: Anthropic.Tool = {
  name: 'record_scores',
  description: 'Record the scores of the support reply.',
  input_schema: {
    type: 'object',
    properties: {
      helpfulness: {
        type: 'integer',
        minimum: 1,
        maximum: 5,
        description: 'Does it move the customer forward? 1 useless, 5 fully resolves or correctly escalates.',
      },
      groundedness: {
        type: 'integer',
        minimum: 1,
        maximum: 5,
        description: 'Is every claim backed by the shown sources or tool results? 1 invented, 5 fully supported.',
      },
    },
    required: ['helpfulness', 'groundedness'],
  },
};

const INSTRUCTIONS =
  'You grade replies of a customer-support assistant for an online shop. You get the conversation so far, the help-center ' +
  'passages and tool results the assistant had, and its reply. Grade the reply only, by calling record_scores once.';

/** LLM-as-judge scoring of a reply through the small model; null when the model gives no usable scores. */
export class LlmJudge {
  constructor(
    private readonly client: Anthropic,
    private readonly model: string,
  ) {}

  async score(input: { conversation: Array<{ role: 'customer' | 'bot'; text: string }>; evidence: string; reply: string }): Promise<JudgeScores | null> {
    const transcript = input.conversation.map((m) => `${m.role === 'customer' ? 'Customer' : 'Assistant'}: ${m.text}`).join('\n');
    const response = await this.client.messages.create({
      model: this.model,
      max_tokens: 200,
      system: INSTRUCTIONS,
      tools: [SCORE_TOOL],
      tool_choice: { type: 'tool', name: SCORE_TOOL.name },
      messages: [
        {
          role: 'user',
          content: `Conversation:\n${transcript}\n\nSources the assistant had:\n${input.evidence || '(none)'}\n\nReply to grade:\n${input.reply}`,
        },
      ],
    });
    const use = response.content.find((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use' && block.name === SCORE_TOOL.name);
    const scores = use?.input as Partial<JudgeScores> | undefined;
    if (!scores || !isScore(scores.helpfulness) || !isScore(scores.groundedness)) return null;
    return { helpfulness: scores.helpfulness, groundedness: scores.groundedness };
  }
}

function isScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}
