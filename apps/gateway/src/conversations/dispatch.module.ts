import { DynamicModule, Global, Module, ModuleMetadata, Provider } from '@nestjs/common';
import { AgentTransport, ConversationModule } from '@support/conversation';
import { ChannelInboxes } from './channel-inboxes';
import { TurnDispatcher } from './turn-dispatcher.service';

/** The way from any channel to the agent: the transport, the dispatcher and the channels' inboxes, for every channel module. */
@Global()
@Module({})
export class DispatchModule {
  /** `agent` is the in-process agent module the transport hands turns to, if any. */
  static forRoot(transport: Provider<AgentTransport>, agent: ModuleMetadata['imports'] = []): DynamicModule {
    return {
      module: DispatchModule,
      imports: [ConversationModule, ...agent],
      providers: [transport, TurnDispatcher, ChannelInboxes],
      exports: [AgentTransport, TurnDispatcher, ChannelInboxes],
    };
  }
}
