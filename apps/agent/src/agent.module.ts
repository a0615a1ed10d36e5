import Anthropic from '@anthropic-ai/sdk';
import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import {
  AgentTurnRepository,
  ConversationLock,
  ConversationModule,
  ConversationRepository,
  CustomerRepository,
  HandoffRepository,
  InProcessConversationLock,
  MessageRepository,
  RedisConversationLock,
  TurnHandler,
} from '@support/conversation';
import { HashingEmbedder, HelpCenterIngestor, KnowledgeRetriever, PostgresKnowledgeIndex } from '@support/knowledge';
import { APP_CONFIG, AppConfig, Database, LOGGER, Logger, Metrics } from '@support/platform';
import { AgentStartup } from './agent-startup.service';
import { ConfidenceGate } from './gate/confidence-gate';
import { ClaudeResponseGenerator } from './generation/claude-response.generator';
import { EmbeddedResponseGenerator } from './generation/embedded-response.generator';
import { ResponseGenerator } from './generation/response-generator';
import { HandoffSummarizer, TemplateHandoffSummarizer } from './handoff/handoff-summary';
import { OrderTools } from './orders/order-tools';
import { OrderToolsService } from './orders/order-tools.service';
import { ShopRepository } from './orders/shop.repository';
import { AgentPipeline } from './pipeline/agent-pipeline';
import { AgentTurnHandler } from './pipeline/agent-turn.handler';
import { CascadeIntentRouter } from './router/cascade.intent-router';
import { LocalIntentRouter } from './router/local-intent.router';
import { IntentRouter } from './router/intent-router';

/**
 * The agent: router, retrieval, order tools, response generator, confidence gate and handoff.
 * It knows no channel; it answers turns through `TurnHandler`.
 */
@Module({
  imports: [ConversationModule],
  providers: [
    { provide: ShopRepository, inject: [Database], useFactory: (db: Database) => new ShopRepository(db) },
    { provide: OrderTools, inject: [ShopRepository], useFactory: (shop: ShopRepository) => new OrderToolsService(shop) },
    { provide: PostgresKnowledgeIndex, inject: [Database], useFactory: (db: Database) => new PostgresKnowledgeIndex(db, new HashingEmbedder()) },
    { provide: KnowledgeRetriever, useExisting: PostgresKnowledgeIndex },
    { provide: HelpCenterIngestor, inject: [PostgresKnowledgeIndex], useFactory: (index: PostgresKnowledgeIndex) => new HelpCenterIngestor(index) },
    { provide: IntentRouter, useFactory: () => new CascadeIntentRouter(LocalIntentRouter.train()) },
    {
      provide: ResponseGenerator,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ResponseGenerator => {
        const minPassageScore = config.agent.minRetrievalScore;
        if (!config.anthropic) return new EmbeddedResponseGenerator({ minPassageScore });
        const { apiKey, baseUrl, timeoutMs, maxRetries, smallModel, mainModel } = config.anthropic;
        const client = new Anthropic({ apiKey, baseURL: baseUrl, timeout: timeoutMs, maxRetries });
        return new ClaudeResponseGenerator(client, { smallModel, mainModel, maxToolRounds: config.agent.maxToolRounds, minPassageScore });
      },
    },
    { provide: ConfidenceGate, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new ConfidenceGate({ minConfidence: config.agent.minRetrievalScore }) },
    { provide: HandoffSummarizer, useClass: TemplateHandoffSummarizer },
    {
      provide: ConversationLock,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => (config.redis.url ? new RedisConversationLock(config.redis.url) : new InProcessConversationLock()),
    },
    {
      provide: AgentPipeline,
      inject: [APP_CONFIG, Metrics, Database, IntentRouter, KnowledgeRetriever, OrderTools, ResponseGenerator, ConfidenceGate, HandoffSummarizer, ConversationRepository, MessageRepository, AgentTurnRepository, HandoffRepository],
      useFactory: (
        config: AppConfig,
        metrics: Metrics,
        db: Database,
        router: IntentRouter,
        retriever: KnowledgeRetriever,
        orderTools: OrderTools,
        generator: ResponseGenerator,
        gate: ConfidenceGate,
        summarizer: HandoffSummarizer,
        conversations: ConversationRepository,
        messages: MessageRepository,
        turns: AgentTurnRepository,
        handoffs: HandoffRepository,
      ) =>
        new AgentPipeline(
          { router, retriever, orderTools, generator, gate, summarizer },
          { db, conversations, messages, turns, handoffs },
          metrics,
          { handoffTarget: (channel) => (channel === 'email' && config.handoff.email ? config.handoff.email : config.handoff.queue) },
        ),
    },
    {
      provide: TurnHandler,
      inject: [ConversationLock, AgentPipeline, CustomerRepository, ConversationRepository, MessageRepository, AgentTurnRepository, HandoffRepository, LOGGER],
      useFactory: (
        lock: ConversationLock,
        pipeline: AgentPipeline,
        customers: CustomerRepository,
        conversations: ConversationRepository,
        messages: MessageRepository,
        turns: AgentTurnRepository,
        handoffs: HandoffRepository,
        logger: Logger,
      ) => new AgentTurnHandler(lock, pipeline, { customers, conversations, messages, turns, handoffs }, logger),
    },
    AgentStartup,
  ],
  exports: [TurnHandler, KnowledgeRetriever, OrderTools, ShopRepository],
})
export class AgentModule implements OnApplicationShutdown {
  constructor(@Inject(ConversationLock) private readonly lock: ConversationLock) {}

  async onApplicationShutdown(): Promise<void> {
    await this.lock.close();
  }
}
