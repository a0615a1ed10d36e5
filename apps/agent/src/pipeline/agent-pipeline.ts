import { AgentReply, Conversation, ConversationRepository, Customer, CustomerIdentity, Message, TicketRepository } from '@support/conversation';
import { KnowledgeRetriever, Passage } from '@support/knowledge';
import { Logger, Metrics, ProviderError } from '@support/platform';
import { ModelCall } from '../cost/model-spend';
import { AnswerJudge } from '../gate/answer-judge';
import { ConfidenceGate, GateDecision } from '../gate/confidence-gate';
import { isRepeatedQuestion } from '../gate/repeated-question';
import { earlierQuestion } from '../generation/follow-up-question';
import { Generation, ResponseGenerator } from '../generation/response-generator';
import { handoffMessageForCustomer } from '../handoff/handoff-messages';
import { HandoffSummarizer } from '../handoff/handoff-summary';
import { OrderTools } from '../orders/order-tools';
import { IntentRouter, RouteDecision, ROUTES } from '../router/intent-router';
import { LexiconSentimentClassifier } from '../sentiment/lexicon-sentiment.classifier';
import { SentimentLabel } from '../sentiment/sentiment';
import { SentimentTrend } from '../sentiment/sentiment-trend';
import { RetailOrderService } from '../orders/retail/retail-order.service';
import { customerConfirmed, lastBotText } from '../tools/customer-confirmation.detector';
import { OrderActions } from '../tools/order-action.tools';
import { SupportToolSet } from '../tools/support-tool-set';
import { retrievalQuery } from './retrieval-query';
import { TurnRecorder } from './turn-recorder';

export interface TurnContext {
  conversation: Conversation;
  customer: Customer;
  identities: CustomerIdentity[];
  message: Message;
  history: Message[];
  /** The route of the conversation's last turn: a bare "yes" continues it. */
  previousRoute: string | null;
}

export interface AgentPipelineStages {
  router: IntentRouter;
  retriever: KnowledgeRetriever;
  orderTools: OrderTools;
  /** The policy-enforcing order changes (cancel, address, return). */
  orderActions: RetailOrderService;
  generator: ResponseGenerator;
  gate: ConfidenceGate;
  summarizer: HandoffSummarizer;
  sentiment: { classifier: LexiconSentimentClassifier; trend: SentimentTrend };
  /** Optional LLM-as-judge on model-written replies (off by default). */
  judge?: AnswerJudge;
}

/** One customer message in, one reply (or a handoff) out, with everything it did recorded. */
export class AgentPipeline {
  constructor(
    private readonly stages: AgentPipelineStages,
    private readonly conversations: ConversationRepository,
    private readonly tickets: TicketRepository,
    private readonly recorder: TurnRecorder,
    private readonly metrics: Metrics,
    private readonly options: { minRetrievalScore: number },
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
    const { conversation, message, history } = context;
    const confirmed = customerConfirmed(lastBotText(history), message.text);
    const route = await timed('route', () => (confirmed ? Promise.resolve(continuing(context.previousRoute)) : this.stages.router.route(message.text)));
    const askedForPerson = route.route === 'human_request';
    const passages = askedForPerson ? [] : await timed('retrieve', () => this.retrieve(message.text, history));
    const mood = this.mood(message.text, history);
    const { generation, providerFailed } = askedForPerson
      ? { generation: null, providerFailed: false }
      : await timed('generate', () => this.generate(context, route, passages, { confirmed, customerMood: mood.current }, onDelta, log));
    const modelCalls: ModelCall[] = [route.spend, generation?.model ? { model: generation.model, usage: generation.usage } : undefined].filter(
      (call): call is ModelCall => !!call,
    );
    const gate = await timed('gate', () =>
      this.judged(
        this.stages.gate.decide({
          route,
          passages,
          generation,
          providerFailed,
          sentimentEscalating: mood.escalating,
          repeatedQuestion: isRepeatedQuestion(message.text, history),
        }),
        message.text,
        generation,
        passages,
        modelCalls,
      ),
    );
    const toolCalls = generation?.toolCalls ?? [];
    let handoffSummary: string | null = null;
    if (gate.decision === 'handoff') {
      const summary = await timed('handoff', () =>
        this.stages.summarizer.summarize({ ...context, channel: conversation.channel, text: message.text, route, passages, toolCalls, reason: gate.reason! }),
      );
      handoffSummary = summary.text;
      if (summary.spend) modelCalls.push(summary.spend);
    }
    latencyMs.total = round(performance.now() - started);
    this.metrics.stageDuration.observe({ stage: 'total' }, latencyMs.total / 1000);
    if (!askedForPerson) this.metrics.retrievals.inc({ result: (passages[0]?.score ?? 0) >= this.options.minRetrievalScore ? 'hit' : 'miss' });
    return this.recorder.record(
      context,
      {
        route,
        passages,
        gate,
        text: gate.decision === 'reply' ? generation!.text : joinHandoffText(generation, gate.reason!),
        handoffSummary,
        toolCalls,
        model: generation?.model ?? null,
        modelCalls,
        sentimentTrend: mood.trend,
        latencyMs,
        toolRoundCapHit: generation?.toolRoundCapHit ?? false,
      },
      log,
    );
  }

  /** With the optional judge on, a model-written reply the gate let through gets a second opinion. */
  private async judged(decision: GateDecision, question: string, generation: Generation | null, passages: Passage[], modelCalls: ModelCall[]): Promise<GateDecision> {
    if (decision.decision === 'handoff' || !this.stages.judge || !generation?.model) return decision;
    const toolResults = generation.toolCalls.map((c) => c.result);
    const verdict = await this.stages.judge.judge({ question, reply: generation.text, passages, toolResults });
    if (verdict.spend) modelCalls.push(verdict.spend);
    return verdict.supported ? decision : { decision: 'handoff', reason: 'judge_rejected' };
  }

  /** A short follow-up ("Is it ever free?") that finds little alone is asked together with the question before it. */
  private async retrieve(text: string, history: Message[]): Promise<Passage[]> {
    const passages = await this.stages.retriever.search(retrievalQuery(text), { limit: 8 });
    const earlier = earlierQuestion(text, history);
    if (!earlier || (passages[0]?.score ?? 0) >= this.options.minRetrievalScore) return passages;
    const withContext = await this.stages.retriever.search(retrievalQuery(`${earlier} ${text}`), { limit: 8 });
    return (withContext[0]?.score ?? 0) > (passages[0]?.score ?? 0) ? withContext : passages;
  }

  /** The customer's mood over the conversation, from every message they sent, and how this message sounds. */
  private mood(text: string, history: Message[]): { trend: number; escalating: boolean; current: SentimentLabel } {
    const { classifier, trend } = this.stages.sentiment;
    const earlier = history.filter((m) => m.author === 'customer').map((m) => classifier.classify(m.text).score);
    const current = classifier.classify(text);
    const scores = [...earlier, current.score];
    return { trend: trend.trend(scores), escalating: trend.isEscalating(scores), current: current.label };
  }

  private async generate(
    context: TurnContext,
    route: RouteDecision,
    passages: Passage[],
    { confirmed, customerMood }: { confirmed: boolean; customerMood: SentimentLabel },
    onDelta: (text: string) => void,
    log: Logger,
  ): Promise<{ generation: Generation | null; providerFailed: boolean }> {
    const { conversation, customer, identities, history, message } = context;
    const orders = this.stages.orderTools.forConversation({
      conversationId: conversation.id,
      verifiedShopUserId: conversation.verifiedShopUserId,
      verifiedIdentities: identities.filter((i) => i.verified),
      rememberVerified: (shopUserId) => this.conversations.update(conversation.id, { verifiedShopUserId: shopUserId }),
    });
    const actions = new OrderActions(this.stages.orderActions, () => orders.verifiedCustomerId(), confirmed);
    const openTicket = async (summary: string) => ({ ticketId: (await this.tickets.open(conversation.id, summary)).id });
    const tools = new SupportToolSet(orders, this.stages.retriever, actions, openTicket);
    try {
      const generation = await this.stages.generator.generate({ conversation, customer, history, text: message.text, customerMood, confirmed, route, passages, knowledge: this.stages.retriever, orders, tools, onDelta });
      return { generation, providerFailed: false };
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      log.warn({ err: { message: error.message, retryable: error.retryable } }, 'model provider failed; handing off');
      return { generation: null, providerFailed: true };
    }
  }
}

/** A customer's "yes" to what the bot just asked is about the same thing: keep the conversation's route. */
function continuing(previousRoute: string | null): RouteDecision {
  const route = ROUTES.find((r) => r === previousRoute) ?? 'order_change';
  return { route, intent: 'confirmation', confidence: 1, stage: 'local' };
}

/** When the bot hands off after a partial answer (an order's status, say), keep what it found. */
function joinHandoffText(generation: Generation | null, reason: string): string {
  const handoff = handoffMessageForCustomer(reason);
  const found = reason === 'action_needs_person' && generation?.text ? `${generation.text}\n\n` : '';
  return `${found}${handoff}`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
