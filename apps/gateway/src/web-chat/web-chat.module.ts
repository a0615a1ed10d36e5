import { Module, OnModuleInit } from '@nestjs/common';
import { ConversationModule } from '@support/conversation';
import { HumanAgentsModule } from '../human-agents/human-agents.module';
import { MessageSenderRegistry } from '../human-agents/message-sender.registry';
import { APP_CONFIG, AppConfig } from '@support/platform';
import { InProcessWebChatFanout, RedisWebChatFanout, WebChatFanout } from './web-chat-fanout';
import { WebChatPush } from './web-chat-push.service';
import { WebChatController } from './web-chat.controller';
import { WebChatSender } from './web-chat.sender';

/** The web chat API; the page itself is served statically by the gateway app. */
@Module({
  imports: [ConversationModule, HumanAgentsModule],
  controllers: [WebChatController],
  providers: [
    WebChatPush,
    {
      provide: WebChatFanout,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.redis.url ? new RedisWebChatFanout(config.redis.url, { keyPrefix: config.redis.keyPrefix }) : new InProcessWebChatFanout(),
    },
  ],
})
export class WebChatModule implements OnModuleInit {
  constructor(
    private readonly senders: MessageSenderRegistry,
    private readonly push: WebChatPush,
  ) {}

  onModuleInit(): void {
    this.senders.register(new WebChatSender(this.push));
  }
}
