import { resolve } from 'node:path';
import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import {
  AgentPresence,
  AgentTurnRepository,
  ConversationLock,
  ConversationModule,
  ConversationRepository,
  ConversationStates,
  CustomerRepository,
  HandoffRepository,
  InProcessConversationLock,
  MessageRepository,
  RedisConversationLock,
  SignedInAgentPresence,
  TicketRepository,
  TurnHandler,
} from '@support/conversation';
import {
  createKnowledgeBackend,
  HelpCenterIngestor,
  KNOWLEDGE_BACKEND,
  KnowledgeBackend,
  KnowledgeRetriever,
  PolicyDigest,
  ScheduledReindexer,
} from '@support/knowledge';
import { APP_CONFIG, AppConfig, Database, LOGGER, Logger, Metrics } from '@support/platform';
import { AgentStartup } from './agent-startup.service';
import {
  anthropicClient,
  createAnswerJudge,
  createHandoffSummarizer,
  createIntentRouter,
  createResponseGenerator,
  modelPrices,
  shopReturnWindow,
} from './agent.providers';
import { ConfidenceGate } from './gate/confidence-gate';
import { ResponseGenerator } from './generation/response-generator';
import { HandoffSummarizer } from './handoff/handoff-summary';
import { SupportAvailability } from './handoff/support-availability';
import { OrderTools } from './orders/order-tools';
import { OrderToolsService } from './orders/order-tools.service';
import { PendingActionRepository } from './consent/pending-action.repository';
import { ShopActionDescriber } from './consent/shop-action.describer';
import { ProofAttemptRepository } from './verification/proof-attempts.repository';
import { VerificationLockout } from './verification/verification-lockout';
import { RetailOrderService } from './orders/retail/retail-order.service';
import { ShopRepository } from './orders/shop.repository';
import { AgentPipeline } from './pipeline/agent-pipeline';
import { AgentTurnHandler } from './pipeline/agent-turn.handler';
import { TurnRecorder } from './pipeline/turn-recorder';
import { IntentRouter } from './router/intent-router';
import { LexiconSentimentClassifier } from './sentiment/lexicon-sentiment.classifier';
import { SentimentTrend } from './sentiment/sentiment-trend';

const ANTHROPIC = Symbol('ANTHROPIC_CLIENT');

/**
 * The agent: router, retrieval, order tools, response generator, confidence gate and handoff.
 * It knows no channel; it answers turns through `TurnHandler`.
 */
@Module({
  imports: [ConversationModule],
  providers: [
    { provide: ANTHROPIC, inject: [APP_CONFIG], useFactory: anthropicClient },
    { provide: ShopRepository, inject: [Database], useFactory: (db: Database) => new ShopRepository(db) },
    { provide: PendingActionRepository, inject: [Database], useFactory: (db: Database) => new PendingActionRepository(db) },
    {
      provide: OrderTools,
      inject: [ShopRepository, Database, APP_CONFIG, Metrics],
      useFactory: (shop: ShopRepository, db: Database, config: AppConfig, metrics: Metrics) =>
        new OrderToolsService(shop, new VerificationLockout(new ProofAttemptRepository(db), config.verification, metrics)),
    },
    {
      provide: KNOWLEDGE_BACKEND,
      inject: [Database, APP_CONFIG, LOGGER],
      useFactory: (db: Database, config: AppConfig, logger: Logger) =>
        createKnowledgeBackend(db, config, {
          onRerankFallback: (error) =>
            logger.warn({ provider: error.provider, retryable: error.retryable, err: error.message }, 'rerank failed; hybrid order used'),
        }),
    },
    { provide: KnowledgeRetriever, inject: [KNOWLEDGE_BACKEND], useFactory: (backend: KnowledgeBackend) => backend.retriever },
    { provide: HelpCenterIngestor, inject: [KNOWLEDGE_BACKEND], useFactory: (backend: KnowledgeBackend) => backend.ingestor },
    {
      provide: ScheduledReindexer,
      inject: [HelpCenterIngestor, APP_CONFIG, LOGGER],
      useFactory: (ingestor: HelpCenterIngestor, config: AppConfig, logger: Logger) =>
        new ScheduledReindexer(ingestor, {
          folder: resolve(config.knowledge.helpCenterDir),
          intervalMs: config.knowledge.reindexIntervalMs,
          onIndexed: (summary) => logger.info({ ...summary, skipped: summary.skipped.length, warnings: summary.warnings.length }, 'help center re-indexed'),
          onFailed: (error) => logger.error({ err: error }, 'help-center re-index failed'),
        }),
    },
    { provide: IntentRouter, inject: [APP_CONFIG, ANTHROPIC], useFactory: createIntentRouter },
    { provide: PolicyDigest, inject: [KNOWLEDGE_BACKEND], useFactory: (backend: KnowledgeBackend) => backend.policyDigest },
    { provide: ResponseGenerator, inject: [APP_CONFIG, ANTHROPIC, PolicyDigest, Metrics], useFactory: createResponseGenerator },
    { provide: HandoffSummarizer, inject: [APP_CONFIG, ANTHROPIC, LOGGER], useFactory: createHandoffSummarizer },
    {
      provide: ConfidenceGate,
      inject: [APP_CONFIG],
      useFactory: ({ agent }: AppConfig) =>
        new ConfidenceGate({ minConfidence: agent.minConfidence, minRetrievalScore: agent.minRetrievalScore, maxToolFailures: agent.maxToolFailures }),
    },
    {
      // Who is signed in to the workspace, from the shared database: the same in the gateway and in a separate agent
      // worker, which has no workspace of its own. A process may provide another AgentPresence from a global module.
      provide: SupportAvailability,
      inject: [APP_CONFIG, Database, { token: AgentPresence, optional: true }],
      useFactory: (config: AppConfig, db: Database, presence: AgentPresence | undefined) =>
        new SupportAvailability(presence ?? new SignedInAgentPresence(db), config.handoff.supportHours),
    },
    {
      provide: ConversationLock,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.redis.url ? new RedisConversationLock(config.redis.url, { keyPrefix: config.redis.keyPrefix }) : new InProcessConversationLock(),
    },
    {
      provide: TurnRecorder,
      inject: [
        APP_CONFIG,
        Database,
        Metrics,
        ConversationRepository,
        MessageRepository,
        AgentTurnRepository,
        HandoffRepository,
        ConversationStates,
        PendingActionRepository,
      ],
      useFactory: (
        config: AppConfig,
        db: Database,
        metrics: Metrics,
        conversations: ConversationRepository,
        messages: MessageRepository,
        turns: AgentTurnRepository,
        handoffs: HandoffRepository,
        states: ConversationStates,
        pendingActions: PendingActionRepository,
      ) =>
        new TurnRecorder({ db, conversations, messages, turns, handoffs, states, pendingActions }, metrics, {
          queue: config.handoff.queue,
          prices: modelPrices(config),
        }),
    },
    {
      provide: AgentPipeline,
      inject: [
        APP_CONFIG,
        ANTHROPIC,
        Metrics,
        IntentRouter,
        KnowledgeRetriever,
        OrderTools,
        ShopRepository,
        ResponseGenerator,
        ConfidenceGate,
        HandoffSummarizer,
        ConversationRepository,
        TicketRepository,
        TurnRecorder,
        PendingActionRepository,
        SupportAvailability,
      ],
      useFactory: (
        config: AppConfig,
        client: ReturnType<typeof anthropicClient>,
        metrics: Metrics,
        router: IntentRouter,
        retriever: KnowledgeRetriever,
        orderTools: OrderTools,
        shop: ShopRepository,
        generator: ResponseGenerator,
        gate: ConfidenceGate,
        summarizer: HandoffSummarizer,
        conversations: ConversationRepository,
        tickets: TicketRepository,
        recorder: TurnRecorder,
        pendingActions: PendingActionRepository,
        availability: SupportAvailability,
      ) =>
        new AgentPipeline(
          {
            router,
            retriever,
            orderTools,
            orderActions: new RetailOrderService(shop, shopReturnWindow(config)),
            generator,
            gate,
            summarizer,
            availability,
            sentiment: { classifier: new LexiconSentimentClassifier(), trend: new SentimentTrend() },
            judge: createAnswerJudge(config, client),
            consent: { pendingActions, describer: new ShopActionDescriber(shop) },
          },
          conversations,
          tickets,
          recorder,
          metrics,
          { minRetrievalScore: config.agent.minRetrievalScore },
        ),
    },
    {
      provide: TurnHandler,
      inject: [
        ConversationLock,
        AgentPipeline,
        CustomerRepository,
        ConversationRepository,
        MessageRepository,
        AgentTurnRepository,
        HandoffRepository,
        ConversationStates,
        LOGGER,
      ],
      useFactory: (
        lock: ConversationLock,
        pipeline: AgentPipeline,
        customers: CustomerRepository,
        conversations: ConversationRepository,
        messages: MessageRepository,
        turns: AgentTurnRepository,
        handoffs: HandoffRepository,
        states: ConversationStates,
        logger: Logger,
      ) => new AgentTurnHandler(lock, pipeline, { customers, conversations, messages, turns, handoffs, states }, logger),
    },
    AgentStartup,
  ],
  exports: [TurnHandler, KnowledgeRetriever, OrderTools, ShopRepository],
})
export class AgentModule implements OnApplicationShutdown {
  constructor(
    @Inject(ConversationLock) private readonly lock: ConversationLock,
    private readonly reindexer: ScheduledReindexer,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.reindexer.stop();
    await this.lock.close();
  }
}
