import Anthropic from '@anthropic-ai/sdk';
import { TokenUsage, ToolCallRecord } from '@support/conversation';
import { ProviderError } from '@support/platform';
import { buildMessages, SUPPORT_INSTRUCTIONS } from './claude-prompt';
import { Generation, GenerationRequest, ResponseGenerator } from './response-generator';
import { isSmallTalk } from './small-talk';

export interface ClaudeGeneratorOptions {
  smallModel: string;
  mainModel: string;
  maxToolRounds: number;
  minPassageScore: number;
  maxTokens?: number;
}

const CACHED = { type: 'ephemeral' } as const;

/** Answers with Claude through the official SDK, with order tools and a hard cap on tool rounds. */
export class ClaudeResponseGenerator extends ResponseGenerator {
  constructor(private readonly client: Anthropic, private readonly options: ClaudeGeneratorOptions) {
    super();
  }

  async generate(request: GenerationRequest): Promise<Generation> {
    const model = this.chooseModel(request);
    const messages = buildMessages(request.history, request.text, request.passages);
    const tools = withCacheBreakpoint(request.tools.definitions);
    const usage: TokenUsage = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
    const toolCalls: ToolCallRecord[] = [];
    let handoffReason: string | null = null;
    for (let round = 0; ; round++) {
      const response = await this.call(model, tools, messages, request.onDelta);
      addUsage(usage, response.usage);
      const toolUses = response.content.filter((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use');
      if (response.stop_reason !== 'tool_use' || !toolUses.length) {
        const text = response.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('').trim();
        return this.result(request, { text, model, usage, toolCalls, handoffReason, capHit: false });
      }
      if (round + 1 >= this.options.maxToolRounds) {
        return this.result(request, { text: '', model, usage, toolCalls, handoffReason, capHit: true });
      }
      const results: Anthropic.ToolResultBlockParam[] = [];
      for (const use of toolUses) {
        const execution = await request.tools.execute(use.name, use.input);
        toolCalls.push(execution.record);
        if (execution.handoffRequested) handoffReason = 'model_requested';
        results.push({ type: 'tool_result', tool_use_id: use.id, content: execution.content, is_error: execution.record.isError });
      }
      if (handoffReason) return this.result(request, { text: '', model, usage, toolCalls, handoffReason, capHit: false });
      messages.push({ role: 'assistant', content: response.content as Anthropic.ContentBlockParam[] }, { role: 'user', content: results });
    }
  }

  /** Simple, well-grounded questions go to the small model; orders and the rest to the main one. */
  private chooseModel(request: GenerationRequest): string {
    const grounded = (request.passages[0]?.score ?? 0) >= this.options.minPassageScore;
    return request.route.route === 'faq' && grounded ? this.options.smallModel : this.options.mainModel;
  }

  private async call(model: string, tools: Anthropic.Tool[], messages: Anthropic.MessageParam[], onDelta: (text: string) => void): Promise<Anthropic.Message> {
    try {
      const stream = this.client.messages.stream({
        model,
        max_tokens: this.options.maxTokens ?? 1024,
        system: [{ type: 'text', text: SUPPORT_INSTRUCTIONS, cache_control: CACHED }],
        tools,
        messages,
      });
      stream.on('text', (delta) => onDelta(delta));
      return await stream.finalMessage();
    } catch (error) {
      throw toProviderError(error);
    }
  }

  private result(
    request: GenerationRequest,
    r: { text: string; model: string; usage: TokenUsage; toolCalls: ToolCallRecord[]; handoffReason: string | null; capHit: boolean },
  ): Generation {
    const topScore = request.passages[0]?.score ?? 0;
    const toolsAnswered = r.toolCalls.some((c) => !c.isError);
    const grounded = toolsAnswered || topScore >= this.options.minPassageScore || isSmallTalk(request.text) || asksForDetails(r.toolCalls);
    const cited = request.passages.filter((p) => r.text.includes(p.title) || p.policyIds.some((id) => r.text.includes(id)));
    return {
      text: r.text,
      citedPassageIds: cited.map((p) => p.id),
      policyIds: [...new Set(request.passages.flatMap((p) => p.policyIds).filter((id) => r.text.includes(id)))],
      confidence: grounded ? 0.85 : topScore,
      handoffReason: r.handoffReason,
      toolCalls: r.toolCalls,
      toolRoundCapHit: r.capHit,
      model: r.model,
      usage: r.usage,
    };
  }
}

/** The model asking the customer for an order number or email is a fine answer, not a guess. */
function asksForDetails(toolCalls: ToolCallRecord[]): boolean {
  return toolCalls.some((c) => (c.result as { code?: string })?.code === 'needs_verification');
}

/** The tool definitions are the first, stable part of the prompt: cache up to the last one. */
function withCacheBreakpoint(tools: Anthropic.Tool[]): Anthropic.Tool[] {
  return tools.map((tool, i) => (i === tools.length - 1 ? { ...tool, cache_control: CACHED } : tool));
}

function addUsage(total: TokenUsage, usage: Anthropic.Usage): void {
  total.input += usage.input_tokens ?? 0;
  total.output += usage.output_tokens ?? 0;
  total.cacheRead += usage.cache_read_input_tokens ?? 0;
  total.cacheWrite += usage.cache_creation_input_tokens ?? 0;
}

function toProviderError(error: unknown): ProviderError {
  if (error instanceof Anthropic.APIError) {
    const retryable = error.status === undefined || error.status === 408 || error.status === 429 || error.status >= 500;
    return new ProviderError('anthropic', `${error.status ?? 'stream'} ${error.message}`, retryable, error);
  }
  return new ProviderError('anthropic', error instanceof Error ? error.message : String(error), true, error);
}
