import { BeforeApplicationShutdown, DynamicModule, Inject, Module, Provider } from '@nestjs/common';
import { AgentModule, ALL_MIGRATIONS } from '@support/agent';
import { AgentTransport, ConversationModule, InProcessAgentTransport, RedisAgentTransport, TurnHandler } from '@support/conversation';
import { AppConfig, LOGGER, Logger, PlatformModule } from '@support/platform';
import { TurnDispatcher } from './conversations/turn-dispatcher.service';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { WebChatController } from './web-chat/web-chat.controller';

export interface GatewayOptions {
  logger?: Logger;
}

/**
 * The app that faces the outside. Without REDIS_URL it runs the agent in its own process;
 * with it, turns go to agent workers through Redis.
 */
@Module({})
export class GatewayModule implements BeforeApplicationShutdown {
  constructor(@Inject(AgentTransport) private readonly transport: AgentTransport) {}

  static forRoot(config: AppConfig, options: GatewayOptions = {}): DynamicModule {
    const inProcess = !config.redis.url;
    const transport: Provider = inProcess
      ? {
          provide: AgentTransport,
          inject: [TurnHandler, LOGGER],
          useFactory: (handler: TurnHandler, logger: Logger) =>
            new InProcessAgentTransport(handler, (error, turn) => logger.error({ err: error, ...turn }, 'agent turn failed')),
        }
      : { provide: AgentTransport, useFactory: () => new RedisAgentTransport(config.redis.url!) };
    return {
      module: GatewayModule,
      imports: [PlatformModule.forRoot({ config, migrations: ALL_MIGRATIONS, logger: options.logger }), ConversationModule, ...(inProcess ? [AgentModule] : [])],
      controllers: [HealthController, MetricsController, WebChatController],
      providers: [transport, TurnDispatcher],
    };
  }

  /** Lets turns in flight finish before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}
