import { Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DeliveryRepository, OptOutRepository, TwilioInboxRepository, TwilioMessagesClient } from '@support/channels';
import { ConversationModule } from '@support/conversation';
import { APP_CONFIG, Database } from '@support/platform';
import type { AppConfig } from '@support/platform';
import { ChannelInboxes } from '../conversations/channel-inboxes';
import { HumanAgentsModule } from '../human-agents/human-agents.module';
import { MessageSenderRegistry } from '../human-agents/message-sender.registry';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { DatabaseNoticeThrottle, NoticeThrottle, RedisNoticeThrottle } from './notice-throttle';
import { TwilioChannelSender } from './twilio-channel.sender';
import { TwilioDeliveriesController } from './twilio-deliveries.controller';
import { TwilioDeliveryStatusService } from './twilio-delivery-status.service';
import { TwilioInbox } from './twilio-inbox.service';
import { TwilioMessagingController } from './twilio-messaging.controller';
import { TWILIO_MESSAGES } from './twilio-messaging.tokens';
import { TwilioOutboxPoller } from './twilio-outbox.poller';
import { TwilioOutbox } from './twilio-outbox.service';
import { TwilioSendReconciler } from './twilio-send.reconciler';
import { TwilioSignatureGuard } from './twilio-signature.guard';
import { UnansweredTurnRecorder } from './unanswered-turn.recorder';

/** SMS and WhatsApp through Twilio: webhooks in, REST API out, and both channels' senders for the human-agent API. */
@Module({
  imports: [ConversationModule, HumanAgentsModule, RateLimitModule],
  controllers: [TwilioMessagingController, TwilioDeliveriesController],
  providers: [
    {
      provide: TWILIO_MESSAGES,
      inject: [APP_CONFIG],
      useFactory: ({ providers: { twilio } }: AppConfig) =>
        twilio.accountSid && twilio.authToken
          ? new TwilioMessagesClient({ accountSid: twilio.accountSid, authToken: twilio.authToken, apiBaseUrl: twilio.apiBaseUrl, timeoutMs: twilio.timeoutMs })
          : null,
    },
    { provide: DeliveryRepository, inject: [Database], useFactory: (db: Database) => new DeliveryRepository(db) },
    { provide: OptOutRepository, inject: [Database], useFactory: (db: Database) => new OptOutRepository(db) },
    { provide: TwilioInboxRepository, inject: [Database], useFactory: (db: Database) => new TwilioInboxRepository(db) },
    {
      // Shared by every gateway: on Redis when REDIS_URL is set, in the database otherwise.
      provide: NoticeThrottle,
      inject: [APP_CONFIG, Database],
      useFactory: ({ redis }: AppConfig, db: Database) =>
        redis.url ? new RedisNoticeThrottle(redis.url, { keyPrefix: redis.keyPrefix }) : new DatabaseNoticeThrottle(db),
    },
    TwilioOutbox,
    TwilioOutboxPoller,
    TwilioSendReconciler,
    TwilioInbox,
    TwilioDeliveryStatusService,
    UnansweredTurnRecorder,
    TwilioSignatureGuard,
  ],
})
export class TwilioMessagingModule implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly senders: MessageSenderRegistry,
    private readonly outbox: TwilioOutbox,
    private readonly notices: NoticeThrottle,
    private readonly inbox: TwilioInbox,
    private readonly inboxes: ChannelInboxes,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.notices.close();
  }

  onModuleInit(): void {
    this.inboxes.register(this.inbox);
    this.senders.register(new TwilioChannelSender('sms', this.outbox));
    this.senders.register(new TwilioChannelSender('whatsapp', this.outbox));
  }
}
