import { BeforeApplicationShutdown, DynamicModule, Inject, Module, Provider } from '@nestjs/common';
import { AgentModule } from '@support/agent';
import { AgentTransport, ConversationModule, InProcessAgentTransport, RedisAgentTransport, TurnHandler } from '@support/conversation';
import { AppConfig, LOGGER, Logger, PlatformModule } from '@support/platform';
import { CHANNEL_MODULES } from './channel-modules';
import { DispatchModule } from './conversations/dispatch.module';
import { GATEWAY_MIGRATIONS } from './gateway.migrations';
import { HandoffModule } from './handoff/handoff.module';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { WorkspaceModule } from './workspace/workspace.module';
import { RequestDrain } from './shutdown/request-drain';

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
    const transport: Provider<AgentTransport> = inProcess
      ? {
          provide: AgentTransport,
          inject: [TurnHandler, LOGGER],
          useFactory: (handler: TurnHandler, logger: Logger) =>
            new InProcessAgentTransport(handler, (error, turn) => logger.error({ err: error, ...turn }, 'agent turn failed')),
        }
      : { provide: AgentTransport, useFactory: () => new RedisAgentTransport(config.redis.url!, { keyPrefix: config.redis.keyPrefix }) };
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forRoot({ config, migrations: GATEWAY_MIGRATIONS, logger: options.logger }),
        ConversationModule,
        HandoffModule,
        DispatchModule.forRoot(transport, inProcess ? [AgentModule] : []),
        ...CHANNEL_MODULES,
        WorkspaceModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [RequestDrain],
    };
  }

  /** Lets turns in flight finish before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}
