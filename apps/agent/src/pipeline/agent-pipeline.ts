import { AgentReply, Conversation, ConversationRepository, Customer, CustomerIdentity, Message, TicketRepository } from '@support/conversation';
import { KnowledgeRetriever, Passage } from '@support/knowledge';
import { Logger, Metrics, ProviderError } from '@support/platform';
import { ModelCall } from '../cost/model-spend';
import { AnswerJudge } from '../gate/answer-judge';
import { ConfidenceGate, GateDecision } from '../gate/confidence-gate';
import { isRepeatedQuestion } from '../gate/repeated-question';
import { earlierQuestion } from '../generation/follow-up-question';
import { Generation, ResponseGenerator } from '../generation/response-generator';
import { isChatterHandoff, WHAT_I_CAN_HELP_WITH } from '../gate/off-topic-chatter';
import { followUpNote, HandoffAudience, handoffMessageForCustomer, stillWaitingMessage } from '../handoff/handoff-messages';
import { buildHandoffPacket } from '../handoff/handoff-packet.builder';
import { HandoffSummarizer } from '../handoff/handoff-summary';
import { SupportAvailability } from '../handoff/support-availability';
import { OrderTools } from '../orders/order-tools';
import { IntentRouter, RouteDecision, ROUTES } from '../router/intent-router';
import { LexiconSentimentClassifier } from '../sentiment/lexicon-sentiment.classifier';
import { SentimentLabel } from '../sentiment/sentiment';
import { SentimentTrend } from '../sentiment/sentiment-trend';
import { RetailOrderService } from '../orders/retail/retail-order.service';
import { classifyConsentReply, ConsentVerdict } from '../consent/consent-reply.classifier';
import { ConsentedToolSet, confirmationQuestion } from '../consent/consented-tool-set';
import { PendingActionRepository } from '../consent/pending-action.repository';
import { PendingAction, proposalInReply } from '../consent/proposed-action';
import { ShopActionDescriber } from '../consent/shop-action.describer';
import { OrderActions, ORDER_WRITE_TOOLS } from '../tools/order-action.tools';
import { SupportToolSet } from '../tools/support-tool-set';
import { CustomerWords } from '../verification/customer-words';
import { proofScopesOf } from '../verification/proof-scopes';
import { vouchedIdentities } from '../verification/verified-account';
import { retrievalQuery } from './retrieval-query';
import { TurnOutcome } from './turn-outcome';
import { TurnRecorder } from './turn-recorder';

export interface TurnContext {
  conversation: Conversation;
  customer: Customer;
  identities: CustomerIdentity[];
  message: Message;
  history: Message[];
  /** The route of the conversation's last turn: a bare "yes" continues it. */
  previousRoute: string | null;
  /** The conversation already waits for a person: the bot answers what it can, and hands off nothing new. */
  waitingForPerson?: boolean;
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
  /** Whether a person can pick up a handoff now: what the customer is told happens next. */
  availability: SupportAvailability;
  sentiment: { classifier: LexiconSentimentClassifier; trend: SentimentTrend };
  /** Optional LLM-as-judge on model-written replies (off by default). */
  judge?: AnswerJudge;
  /** Changes proposed to customers, and how each is put into words for them. */
  consent: { pendingActions: PendingActionRepository; describer: ShopActionDescriber };
}

/** The change the bot proposed in its previous message, and how this message answers it. */
interface ConsentContext {
  pending: PendingAction | null;
  verdict: ConsentVerdict | null;
  previousMessageId: string | null;
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
    const turnStartedAt = Date.now();
    const { conversation, message, history } = context;
    const consent = await this.consentContext(message.text, history);
    const confirmed = consent.verdict === 'yes';
    // A yes or a no to the proposed change, or a bare yes to whatever the bot last asked, is about the same thing: the route goes on.
    const goesOn = consent.pending
      ? consent.verdict === 'yes' || consent.verdict === 'no'
      : !!context.previousRoute && classifyConsentReply(message.text) === 'yes';
    const route = await timed('route', () => (goesOn ? Promise.resolve(continuing(context.previousRoute)) : this.stages.router.route(message.text)));
    const askedForPerson = route.route === 'human_request';
    const passages = askedForPerson ? [] : await timed('retrieve', () => this.retrieve(message.text, history));
    const mood = this.mood(message.text, history);
    const { generation, providerFailed, proposal } = askedForPerson
      ? { generation: null, providerFailed: false, proposal: null }
      : await timed('generate', () => this.generate(context, route, passages, { confirmed, consent, customerMood: mood.current, turnStartedAt }, onDelta, log));
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
    // Chatter the bot cannot answer is not a person's job: it says what it can help with instead (while a person is
    // awaited, "hello? anyone there?" is told where its messages are, which says the same).
    const waiting = !!context.waitingForPerson;
    const decided: GateDecision =
      !waiting && isChatterHandoff(message.text, route, mood.current, gate.reason) ? { decision: 'reply', reason: 'off_topic' } : gate;
    const audience = decided.decision === 'handoff' || waiting ? await this.audience(conversation) : null;
    let handoff: TurnOutcome['handoff'] = null;
    if (decided.decision === 'handoff' && !waiting) {
      const handoffContext = { ...context, channel: conversation.channel, text: message.text, route, passages, toolCalls, reason: decided.reason! };
      const summary = await timed('handoff', () => this.stages.summarizer.summarize(handoffContext));
      if (summary.spend) modelCalls.push(summary.spend);
      const pendingProposal = consent.pending && consent.verdict !== 'no' ? consent.pending : null;
      handoff = {
        summary: summary.text,
        packet: buildHandoffPacket(handoffContext, {
          summary: summary.text,
          toolCalls,
          verifiedShopUserId: conversation.verifiedShopUserId,
          pendingProposal,
          sentimentTrend: mood.trend,
        }),
      };
    }
    latencyMs.total = round(performance.now() - started);
    this.metrics.stageDuration.observe({ stage: 'total' }, latencyMs.total / 1000);
    if (!askedForPerson) this.metrics.retrievals.inc({ result: (passages[0]?.score ?? 0) >= this.options.minRetrievalScore ? 'hit' : 'miss' });
    // A proposed change is put to the customer in the product's words, whatever the model wrote around it.
    const proposed = decided.decision === 'reply' && decided.reason !== 'off_topic' ? proposal : null;
    const answer = decided.reason === 'off_topic' ? WHAT_I_CAN_HELP_WITH : decided.decision === 'reply' ? generation!.text : null;
    const replyText =
      answer === null
        ? joinHandoffText(generation, decided.reason!, audience!, waiting)
        : [answer, proposed && confirmationQuestion(proposed), waiting && followUpNote(audience!)].filter(Boolean).join('\n\n');
    return this.recorder.record(
      context,
      {
        route,
        passages,
        gate: decided,
        text: replyText,
        handoff,
        toolCalls,
        model: generation?.model ?? null,
        modelCalls,
        sentimentTrend: mood.trend,
        latencyMs,
        toolRoundCapHit: generation?.toolRoundCapHit ?? false,
        proposal: proposed,
      },
      log,
    );
  }

  private async audience(conversation: Conversation): Promise<HandoffAudience> {
    return { channel: conversation.channel, availability: await this.stages.availability.check() };
  }

  /** With the optional judge on, a model-written reply the gate let through gets a second opinion. */
  private async judged(
    decision: GateDecision,
    question: string,
    generation: Generation | null,
    passages: Passage[],
    modelCalls: ModelCall[],
  ): Promise<GateDecision> {
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

  /** The change proposed in reply to the customer's previous message, if still open, and this message's answer to it. */
  /**
   * The change the bot proposed in the reply just before this message. A message sent before that reply
   * arrived (two texts in a row) answers nothing: the customer had not seen the question.
   */
  private async consentContext(text: string, history: Message[]): Promise<ConsentContext> {
    const justAnswered = history.at(-1)?.author === 'bot';
    const previous = justAnswered ? [...history].reverse().find((m) => m.author === 'customer') : undefined;
    const pending = previous ? await this.stages.consent.pendingActions.openFor(previous.id) : null;
    const verdict = pending ? classifyConsentReply(text, proposalInReply(pending)) : null;
    return { pending, verdict, previousMessageId: previous?.id ?? null };
  }

  private async generate(
    context: TurnContext,
    route: RouteDecision,
    passages: Passage[],
    { confirmed, consent, customerMood, turnStartedAt }: { confirmed: boolean; consent: ConsentContext; customerMood: SentimentLabel; turnStartedAt: number },
    onDelta: (text: string) => void,
    log: Logger,
  ): Promise<{ generation: Generation | null; providerFailed: boolean; proposal: PendingAction | null }> {
    const { conversation, customer, identities, history, message } = context;
    const orders = this.stages.orderTools.forConversation({
      conversationId: conversation.id,
      verifiedShopUserId: conversation.verifiedShopUserId,
      // Only when the channel vouched for the sender of this message: a later spoofed call proves nothing.
      verifiedIdentities: vouchedIdentities(identities, message),
      rememberVerified: (shopUserId) => this.conversations.update(conversation.id, { verifiedShopUserId: shopUserId }),
      customerWords: new CustomerWords([...history.filter((m) => m.author === 'customer').map((m) => m.text), message.text, customer.email ?? '']),
      proofScopes: proofScopesOf(conversation),
    });
    // One open ticket per conversation and topic (the route, not a model's words): asking again returns the same one.
    const openTicket = async (summary: string) => {
      const ticket = await this.tickets.open(conversation.id, route.route, summary);
      return { ticketId: ticket.id, ...(ticket.alreadyOpen ? { alreadyOpen: true } : {}) };
    };
    const toolSet = (agreed: boolean) =>
      new SupportToolSet(orders, this.stages.retriever, new OrderActions(this.stages.orderActions, () => orders.verifiedCustomerId(), agreed), openTicket);
    const { pendingActions, describer } = this.stages.consent;
    const tools = new ConsentedToolSet(
      toolSet(false),
      toolSet(true),
      { names: ORDER_WRITE_TOOLS, describe: (action) => describer.describe(action) },
      { pending: consent.pending, verdict: consent.verdict, consume: () => pendingActions.consume(consent.previousMessageId!) },
      this.metrics,
    );
    try {
      const generation = await this.stages.generator.generate({
        conversation,
        customer,
        history,
        text: message.text,
        customerMood,
        confirmed,
        consent: { pending: consent.pending, verdict: consent.verdict },
        route,
        passages,
        knowledge: this.stages.retriever,
        orders,
        tools,
        onDelta,
        turnStartedAt,
      });
      return { generation, providerFailed: false, proposal: tools.proposal };
    } catch (error) {
      if (!(error instanceof ProviderError)) throw error;
      log.warn({ err: { message: error.message, retryable: error.retryable } }, 'model provider failed; handing off');
      return { generation: null, providerFailed: true, proposal: null };
    }
  }
}

/** A customer's "yes" to what the bot just asked is about the same thing: keep the conversation's route. */
function continuing(previousRoute: string | null): RouteDecision {
  const route = ROUTES.find((r) => r === previousRoute) ?? 'order_change';
  return { route, intent: 'confirmation', confidence: 1, stage: 'local' };
}

/**
 * When the bot hands off after a partial answer (an order's status, say), keep what it found. While a person is
 * already awaited there is no new handoff: the customer is told where their messages are and what happens next.
 */
function joinHandoffText(generation: Generation | null, reason: string, audience: HandoffAudience, waiting: boolean): string {
  const handoff = waiting ? stillWaitingMessage(audience) : handoffMessageForCustomer(reason, audience);
  const found = reason === 'action_needs_person' && generation?.text ? `${generation.text}\n\n` : '';
  return `${found}${handoff}`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
