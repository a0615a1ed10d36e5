import {
  AgentReply,
  AgentTurnRepository,
  Conversation,
  ConversationRepository,
  Customer,
  CustomerIdentity,
  HandoffRepository,
  Message,
  MessageRepository,
} from '@support/conversation';
import { KnowledgeRetriever, Passage } from '@support/knowledge';
import { Database, Logger, Metrics, ProviderError, newId } from '@support/platform';
import { costInUsd } from '../cost/price-table';
import { ConfidenceGate } from '../gate/confidence-gate';
import { OrderToolSet } from '../tools/order-tool-set';
import { Generation, ResponseGenerator } from '../generation/response-generator';
import { handoffMessageForCustomer } from '../handoff/handoff-messages';
import { HandoffSummarizer } from '../handoff/handoff-summary';
import { OrderTools } from '../orders/order-tools';
import { IntentRouter } from '../router/intent-router';

export interface TurnContext {
  conversation: Conversation;
  customer: Customer;
  identities: CustomerIdentity[];
  message: Message;
  history: Message[];
}

export interface AgentPipelineStages {
  router: IntentRouter;
  retriever: KnowledgeRetriever;
  orderTools: OrderTools;
  generator: ResponseGenerator;
  gate: ConfidenceGate;
  summarizer: HandoffSummarizer;
}

export interface AgentPipelineStores {
  db: Database;
  conversations: ConversationRepository;
  messages: MessageRepository;
  turns: AgentTurnRepository;
  handoffs: HandoffRepository;
}

/** One customer message in, one reply (or a handoff) out, with everything it did recorded. */
export class AgentPipeline {
  constructor(
    private readonly stages: AgentPipelineStages,
    private readonly stores: AgentPipelineStores,
    private readonly metrics: Metrics,
    private readonly options: { handoffTarget: (channel: string) => string },
  ) {}

  async run(context: TurnContext, onDelta: (text: string) => void, log: Logger): Promise<AgentReply> {
    const latencyMs: Record<string, number> = {};
    const timed = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await this.metrics.time(stage, work);
      } finally {
        latencyMs[stage] = round(performance.now() - started);
      }
    };
    const started = performance.now();
    const { conversation, message } = context;
    const route = await timed('route', () => this.stages.router.route(message.text));
    const passages = route.route === 'human_request' ? [] : await timed('retrieve', () => this.stages.retriever.search(message.text, { limit: 8 }));
    const { generation, providerFailed } =
      route.route === 'human_request' ? { generation: null, providerFailed: false } : await timed('generate', () => this.generate(context, route, passages, onDelta, log));
    const gate = await timed('gate', async () => this.stages.gate.decide({ route, passages, generation, providerFailed }));
    const toolCalls = generation?.toolCalls ?? [];
    const summary =
      gate.decision === 'handoff'
        ? await timed('handoff', () =>
            this.stages.summarizer.summarize({ ...context, channel: conversation.channel, text: message.text, route, passages, toolCalls, reason: gate.reason! }),
          )
        : null;
    const text = gate.decision === 'reply' ? generation!.text : joinHandoffText(generation, gate.reason!);
    latencyMs.total = round(performance.now() - started);
    this.metrics.stageDuration.observe({ stage: 'total' }, latencyMs.total / 1000);

    const usage = generation?.usage ?? { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
    const model = generation?.model ?? null;
    const turnId = newId('turn');
    const replyMessageId = await this.stores.db.transaction(async (tx) => {
      const { message: replyMessage } = await this.stores.messages.insert(
        { conversationId: conversation.id, channel: conversation.channel, direction: 'outbound', author: 'bot', text },
        tx,
      );
      await this.stores.turns.insert(
        {
          id: turnId,
          conversationId: conversation.id,
          messageId: message.id,
          replyMessageId: replyMessage.id,
          route: route.route,
          intent: route.intent,
          intentConfidence: route.confidence,
          passages: passages.map((p) => ({ id: p.id, title: p.title, score: round(p.score, 4), policyIds: p.policyIds })),
          toolCalls,
          model,
          usage,
          costUsd: costInUsd(model, usage),
          latencyMs,
          gateDecision: gate.decision,
          gateReason: gate.reason,
        },
        tx,
      );
      if (summary) {
        await this.stores.handoffs.insert({ conversationId: conversation.id, turnId, reason: gate.reason!, summary, target: this.options.handoffTarget(conversation.channel) }, tx);
      }
      await this.stores.conversations.update(conversation.id, { intent: route.intent, ...(summary ? { status: 'waiting_for_human' as const } : {}) }, tx);
      return replyMessage.id;
    });

    if (summary) this.metrics.handoffs.inc({ reason: gate.reason! });
    if (generation?.toolRoundCapHit) this.metrics.toolRoundCapHits.inc();
    if (model) {
      for (const [kind, count] of Object.entries({ input: usage.input, output: usage.output, cache_read: usage.cacheRead, cache_write: usage.cacheWrite })) {
        if (count) this.metrics.tokens.inc({ model, kind }, count);
      }
    }
    log.info({ turnId, route: route.route, gate: gate.decision, gateReason: gate.reason, latencyMs }, 'turn answered');
    return {
      conversationId: conversation.id,
      messageId: message.id,
      replyMessageId,
      text,
      handoff: summary ? { reason: gate.reason!, summary } : null,
    };
  }

  private async generate(
    context: TurnContext,
    route: Awaited<ReturnType<IntentRouter['route']>>,
    passages: Passage[],
    onDelta: (text: string) => void,
    log: Logger,
  ): Promise<{ generation: Generation | null; providerFailed: boolean }> {
    const { conversation, customer, identities, history, message } = context;
    const orders = this.stages.orderTools.forConversation({
      conversationId: conversation.id,
      verifiedShopUserId: conversation.verifiedShopUserId,
      verifiedIdentities: identities.filter((i) => i.verified),
      rememberVerified: (shopUserId) => this.stores.conversations.update(conversation.id, { verifiedShopUserId: shopUserId }),
    });
    try {
      const tools = new OrderToolSet(orders);
      const generation = await this.stages.generator.generate({ conversation, customer, history, text: message.text, route, passages, orders, tools, onDelta });
      return { generation, providerFailed: false };
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      log.warn({ err: { message: error.message, retryable: error.retryable } }, 'model provider failed; handing off');
      return { generation: null, providerFailed: true };
    }
  }
}

/** When the bot hands off after a partial answer (an order's status, say), keep what it found. */
function joinHandoffText(generation: Generation | null, reason: string): string {
  const handoff = handoffMessageForCustomer(reason);
  const found = reason === 'action_needs_person' && generation?.text ? `${generation.text}\n\n` : '';
  return `${found}${handoff}`;
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
