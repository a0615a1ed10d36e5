import { Module, OnModuleInit } from '@nestjs/common';
import { ConversationModule } from '@support/conversation';
import { ChannelInboxes } from '../conversations/channel-inboxes';
import { HumanAgentsModule } from '../human-agents/human-agents.module';
import { MessageSenderRegistry } from '../human-agents/message-sender.registry';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { APP_CONFIG, AppConfig } from '@support/platform';
import { InProcessWebChatFanout, RedisWebChatFanout, WebChatFanout } from './web-chat-fanout';
import { WebChatPush } from './web-chat-push.service';
import { WebChatController } from './web-chat.controller';
import { WebChatInbox } from './web-chat.inbox';
import { WebChatSender } from './web-chat.sender';

/** The web chat API; the page itself is served statically by the gateway app. */
@Module({
  imports: [ConversationModule, HumanAgentsModule, RateLimitModule],
  controllers: [WebChatController],
  providers: [
    WebChatPush,
    WebChatInbox,
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
    private readonly inbox: WebChatInbox,
    private readonly inboxes: ChannelInboxes,
  ) {}

  onModuleInit(): void {
    this.inboxes.register(this.inbox);
    this.senders.register(new WebChatSender(this.push));
  }
}
