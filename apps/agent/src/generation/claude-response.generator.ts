import Anthropic from '@anthropic-ai/sdk';
import { NO_USAGE, TokenUsage, ToolCallRecord } from '@support/conversation';
import { ProviderError } from '@support/platform';
import { tokenUsageOf } from '../cost/anthropic-usage';
import { sumTokenUsage } from '../cost/model-spend';
import { checkPolicyCitation, isGuardedTopic, policyIdsIn } from '../gate/policy-guardrail';
import { ConversationRedaction } from '../pii/conversation-redaction';
import { PiiRedactor } from '../pii/pii-redactor';
import { budgetForChannel, TurnBudgets } from '../turn-deadline/turn-budget';
import { TurnCutError } from '../turn-deadline/turn-cut.error';
import { TurnDeadline } from '../turn-deadline/turn-deadline';
import { AnswerMeta, AnswerMetaSplitter } from './answer-meta.splitter';
import { buildMessages, policyDigestBlock, SUPPORT_INSTRUCTIONS } from './claude-prompt';
import { ClaudeStreamCaller } from './claude-stream.caller';
import { continuationMessages, cutOffPrefix, joinContinuation } from './max-tokens.continuation';
import { Generation, GenerationRequest, ResponseGenerator } from './response-generator';
import { isSmallTalk } from './small-talk';
import { NO_TOOL_CALL_LIMITS, refusedToolResult, ToolCallLimit, ToolCallLimits } from './tool-call.limits';

export interface ClaudeGeneratorOptions {
  smallModel: string;
  mainModel: string;
  maxToolRounds: number;
  minPassageScore: number;
  /** Cache breakpoints on the stable prompt prefix (default on). */
  promptCaching?: boolean;
  /** Stream replies as they are written (default on); off when every reply is checked before it is sent. */
  streaming?: boolean;
  maxTokens?: number;
  /** The help center's policy list, sent in the cached instructions; read on every call, so a re-index shows up. */
  policyDigest?: { render(): string };
  /** The date the model is told it is today (return windows, late deliveries); defaults to the real clock. */
  now?: () => Date;
  /** Each turn's deadline and stream idle cut, by channel; absent, a turn has neither (the τ-bench runner). */
  turnBudgets?: TurnBudgets;
  /** Tries after a failed model call, within the deadline; defaults to the client's `maxRetries` (its own retries are off). */
  maxRetries?: number;
  /** Tool calls run per model response and per turn; the rest are answered with a limit error. Default: no limit. */
  toolCallLimits?: ToolCallLimits;
  /** Told about every tool call refused at a limit (the metrics counter). */
  onToolCallRefused?: (limit: ToolCallLimit) => void;
}

const CACHED = { type: 'ephemeral' } as const;
const CITE_THE_POLICY =
  'Check your last reply: it states a rule on refunds, returns, cancellations or compensation without citing a policy id you were given. Look the policy up with lookup_policy and answer again citing it, or say you do not know and call handoff_to_human.';

interface RoundState {
  request: GenerationRequest;
  redaction: ConversationRedaction;
  model: string;
  usage: TokenUsage;
  toolCalls: ToolCallRecord[];
  knownPolicyIds: Set<string>;
  deadline: TurnDeadline;
  streamIdleMs: number;
}

/**
 * Answers with Claude through the official SDK: personal data redacted before it leaves, tools
 * with a hard cap on rounds and calls, the reply streamed, policy answers checked for a real
 * citation, a cut-off answer continued once, and the whole turn inside one deadline.
 */
export class ClaudeResponseGenerator extends ResponseGenerator {
  private readonly caller: ClaudeStreamCaller;

  constructor(
    client: Anthropic,
    private readonly options: ClaudeGeneratorOptions,
    private readonly redactor = new PiiRedactor(),
  ) {
    super();
    this.caller = new ClaudeStreamCaller(client, { maxRetries: options.maxRetries ?? client.maxRetries, attemptTimeoutMs: client.timeout });
  }

  async generate(request: GenerationRequest): Promise<Generation> {
    const budget = this.options.turnBudgets ? budgetForChannel(this.options.turnBudgets, request.conversation.channel) : null;
    const deadline =
      request.deadline !== undefined
        ? new TurnDeadline(request.deadline)
        : budget
          ? new TurnDeadline((request.turnStartedAt ?? Date.now()) + budget.deadlineMs)
          : TurnDeadline.none();
    const redaction = new ConversationRedaction(this.redactor);
    const state: RoundState = {
      request,
      redaction,
      model: this.chooseModel(request),
      usage: NO_USAGE,
      toolCalls: [],
      knownPolicyIds: policyIdsIn(...request.passages.map((p) => `${p.policyIds.join(' ')} ${p.text}`)),
      deadline,
      streamIdleMs: budget?.streamIdleMs ?? Infinity,
    };
    try {
      return await this.converse(state);
    } catch (error) {
      // Out of time: what the customer may have seen streamed is replaced by the handoff message.
      if (error instanceof TurnCutError) return this.result(state, '', null, { handoffReason: error.reason });
      throw error;
    }
  }

  private async converse(state: RoundState): Promise<Generation> {
    const { request, redaction } = state;
    const redactedHistory = request.history.map((m) => ({ ...m, text: redaction.redact(m.text) }));
    const messages = buildMessages({
      history: redactedHistory,
      text: redaction.redact(request.text),
      passages: request.passages,
      today: this.options.now?.() ?? new Date(),
      customer: { email: request.customer.email ? redaction.redact(request.customer.email) : null },
    });
    const tools = this.cacheable(request.tools.definitions);
    let nudged = false;
    for (let round = 0; ; round++) {
      const { response, text, meta } = await this.round(state, tools, messages);
      // Cut off twice: sending it would pass half an answer off as the whole one.
      if (response.stop_reason === 'max_tokens') return this.result(state, '', null, { handoffReason: 'answer_cut_off' });
      const toolUses = response.content.filter((block): block is Anthropic.ToolUseBlock => block.type === 'tool_use');
      if (response.stop_reason === 'tool_use' && toolUses.length) {
        if (round + 1 >= this.options.maxToolRounds) return this.result(state, '', null, { capHit: true });
        const { results, handoffRequested } = await this.runTools(state, toolUses);
        if (handoffRequested) return this.result(state, '', null, { handoffReason: 'model_requested' });
        messages.push({ role: 'assistant', content: response.content as Anthropic.ContentBlockParam[] }, { role: 'user', content: results });
        continue;
      }
      const check = checkPolicyCitation({ customerText: request.text, route: request.route.route, reply: text, knownPolicyIds: state.knownPolicyIds });
      if (check.ok) {
        if (this.holdsBackStream(request)) request.onDelta(text);
        return this.result(state, text, meta, {});
      }
      if (nudged || round + 1 >= this.options.maxToolRounds) return this.result(state, '', null, { handoffReason: check.reason });
      nudged = true;
      messages.push({ role: 'assistant', content: response.content as Anthropic.ContentBlockParam[] }, { role: 'user', content: CITE_THE_POLICY });
    }
  }

  /**
   * One model answer: it streams to the customer (restored, without the meta block) as it is written.
   * An answer cut off at `max_tokens` is continued once from where it stopped, and the stream goes on.
   */
  private async round(state: RoundState, tools: Anthropic.Tool[], messages: Anthropic.MessageParam[]) {
    const held = this.holdsBackStream(state.request);
    const restorer = state.redaction.streamRestorer((text) => (held ? undefined : state.request.onDelta(text)));
    const splitter = new AnswerMetaSplitter((text) => restorer.push(text));
    let response = await this.call(state, tools, messages, (delta) => splitter.push(delta));
    if (response.stop_reason === 'max_tokens') {
      const { prefix, trimmed } = cutOffPrefix(response);
      // The whitespace trimmed off the prefix was streamed already: the continuation's own is not repeated.
      let skipSpace = trimmed;
      const continued = await this.call(state, tools, continuationMessages(messages, prefix), (delta) => {
        const piece = skipSpace ? delta.trimStart() : delta;
        if (!piece) return;
        skipSpace = false;
        splitter.push(piece);
      });
      response = joinContinuation(prefix, continued);
    }
    const { text, meta } = splitter.finish();
    restorer.flush();
    return { response, text: state.redaction.restore(text), meta };
  }

  /** Runs the model's tool calls up to the per-response and per-turn limits; every call gets a result, or the API refuses the next request. */
  private async runTools(state: RoundState, toolUses: Anthropic.ToolUseBlock[]) {
    const results: Anthropic.ToolResultBlockParam[] = [];
    let handoffRequested = false;
    const limits = this.options.toolCallLimits ?? NO_TOOL_CALL_LIMITS;
    for (const [index, use] of toolUses.entries()) {
      const limit: ToolCallLimit | null = index >= limits.perRound ? 'round' : state.toolCalls.length >= limits.perTurn ? 'turn' : null;
      if (limit) {
        results.push(refusedToolResult(use.id, limit, limits));
        this.options.onToolCallRefused?.(limit);
        continue;
      }
      const execution = await state.request.tools.execute(use.name, state.redaction.restoreDeep(use.input));
      const content = state.redaction.redactToolResult(execution.content);
      for (const id of policyIdsIn(content)) state.knownPolicyIds.add(id);
      state.toolCalls.push({
        ...execution.record,
        arguments: use.input as Record<string, unknown>,
        result: state.redaction.redactDeep(execution.record.result),
      });
      handoffRequested ||= execution.handoffRequested;
      results.push({ type: 'tool_result', tool_use_id: use.id, content, is_error: execution.record.isError });
    }
    return { results, handoffRequested };
  }

  /** Policy answers (and, with the judge on, all answers) are checked before the customer sees them, so they are not streamed. */
  private holdsBackStream(request: GenerationRequest): boolean {
    return this.options.streaming === false || isGuardedTopic(request.text, request.route.route);
  }

  /** Simple, well-grounded questions go to the small model; orders and the rest to the main one. */
  private chooseModel(request: GenerationRequest): string {
    const grounded = (request.passages[0]?.score ?? 0) >= this.options.minPassageScore;
    return request.route.route === 'faq' && grounded ? this.options.smallModel : this.options.mainModel;
  }

  private cacheable(tools: Anthropic.Tool[]): Anthropic.Tool[] {
    if (this.options.promptCaching === false) return tools;
    return tools.map((tool, i) => (i === tools.length - 1 ? { ...tool, cache_control: CACHED } : tool));
  }

  /** Instructions, then the policy digest: the stable prefix, cached up to its last block. */
  private system(): Anthropic.TextBlockParam[] {
    const digest = this.options.policyDigest?.render();
    const texts = digest ? [SUPPORT_INSTRUCTIONS, policyDigestBlock(digest)] : [SUPPORT_INSTRUCTIONS];
    const cached = this.options.promptCaching !== false;
    return texts.map((text, i) => ({ type: 'text', text, ...(cached && i === texts.length - 1 ? { cache_control: CACHED } : {}) }));
  }

  private async call(
    state: RoundState,
    tools: Anthropic.Tool[],
    messages: Anthropic.MessageParam[],
    onDelta: (text: string) => void,
  ): Promise<Anthropic.Message> {
    const params = { model: state.model, max_tokens: this.options.maxTokens ?? 1024, system: this.system(), tools, messages };
    let response: Anthropic.Message;
    try {
      response = await this.caller.stream(params, { deadline: state.deadline, idleMs: state.streamIdleMs }, onDelta);
    } catch (error) {
      throw error instanceof TurnCutError ? error : toProviderError(error);
    }
    state.usage = sumTokenUsage([state.usage, tokenUsageOf(response.usage)]);
    return response;
  }

  private result(state: RoundState, text: string, meta: AnswerMeta | null, end: { capHit?: boolean; handoffReason?: string }): Generation {
    const { request, toolCalls } = state;
    const passageIds = new Set(request.passages.map((p) => p.id));
    const citedPolicies = [...policyIdsIn(text)].filter((id) => state.knownPolicyIds.has(id));
    return {
      text,
      citedPassageIds: meta
        ? meta.passageIds.filter((id) => passageIds.has(id))
        : request.passages.filter((p) => p.policyIds.some((id) => citedPolicies.includes(id))).map((p) => p.id),
      policyIds: citedPolicies,
      confidence: meta?.confidence ?? this.estimatedConfidence(request, toolCalls),
      handoffReason: end.handoffReason ?? null,
      toolCalls,
      toolRoundCapHit: end.capHit ?? false,
      model: state.model,
      usage: state.usage,
    };
  }

  /** Without the model's own word: grounded when a tool answered, a passage scored well, or it was small talk. */
  private estimatedConfidence(request: GenerationRequest, toolCalls: ToolCallRecord[]): number {
    const topScore = request.passages[0]?.score ?? 0;
    const grounded =
      toolCalls.some((c) => !c.isError) ||
      toolCalls.some((c) => (c.result as { code?: string })?.code === 'needs_verification') ||
      topScore >= this.options.minPassageScore ||
      isSmallTalk(request.text);
    return grounded ? 0.85 : topScore;
  }
}

function toProviderError(error: unknown): ProviderError {
  if (error instanceof Anthropic.APIError) {
    const retryable = error.status === undefined || error.status === 408 || error.status === 429 || error.status >= 500;
    return new ProviderError('anthropic', `${error.status ?? 'stream'} ${error.message}`, retryable, error);
  }
  return new ProviderError('anthropic', error instanceof Error ? error.message : String(error), true, error);
}
