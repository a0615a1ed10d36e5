import { BeforeApplicationShutdown, Inject, Module, OnApplicationBootstrap, OnModuleInit, Optional } from '@nestjs/common';
import {
  ConversationModule,
  ConversationRepository,
  ConversationStates,
  CustomerRepository,
  LeasedTask,
  Leases,
  MessageRepository,
} from '@support/conversation';
import { APP_CONFIG, Database, LOGGER, Metrics } from '@support/platform';
import type { AppConfig, Logger } from '@support/platform';
import { ChannelInboxes } from '../conversations/channel-inboxes';
import { TurnDispatcher } from '../conversations/turn-dispatcher.service';
import { EmailForwardDestination } from '../handoff/email-forward.destination';
import { HandoffDesk } from '../handoff/handoff-desk';
import { HumanAgentsModule } from '../human-agents/human-agents.module';
import { MessageSenderRegistry } from '../human-agents/message-sender.registry';
import { EmailInboxProcessor } from './email-inbox.processor';
import { EmailMailboxStart } from './email-mailbox.start';
import { EmailMailboxSync } from './email-mailbox.sync';
import { EmailMessageSender } from './email-message.sender';
import { EmailOutboxService } from './email-outbox.service';
import { EmailInbox } from './email.inbox';
import { ImapConnectionSupervisor } from './imap/imap-connection.supervisor';
import { MailboxFlagUpdater } from './imap/mailbox-flag.updater';
import { SmtpEmailTransport } from './smtp/smtp-email.transport';
import { EmailFlagUpdateRepository } from './store/email-flag-update.repository';
import { EmailInboundRepository } from './store/email-inbound.repository';
import { EmailMailboxStateRepository } from './store/email-mailbox-state.repository';
import { EmailOutboxRepository } from './store/email-outbox.repository';

/** How often mail queued and not yet sent (a restart, a failed send) is looked for, beside the outbox's own retries. */
const OUTBOX_SWEEP_MS = 30_000;

/**
 * The email channel: watches the support mailbox (IMAP), answers through SMTP, forwards
 * handoffs to HANDOFF_EMAIL, and sends people's replies for the human-agent API. Inactive
 * unless a mailbox is configured.
 */
@Module({ imports: [ConversationModule, HumanAgentsModule] })
export class EmailModule implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private watcher: LeasedTask | null = null;
  private leases: Leases | null = null;
  private delivery: EmailOutboxService | null = null;
  private transport: SmtpEmailTransport | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly db: Database,
    private readonly metrics: Metrics,
    private readonly dispatcher: TurnDispatcher,
    private readonly conversations: ConversationRepository,
    private readonly customers: CustomerRepository,
    private readonly messages: MessageRepository,
    private readonly states: ConversationStates,
    private readonly desk: HandoffDesk,
    private readonly inboxes: ChannelInboxes,
    @Optional() private readonly senders?: MessageSenderRegistry,
  ) {}

  onModuleInit(): void {
    const email = this.config.email;
    if (!email) return;
    const log = this.logger.child({ channel: 'email' });
    const inbound = new EmailInboundRepository(this.db);
    const outbox = new EmailOutboxRepository(this.db);
    this.transport = new SmtpEmailTransport(email.smtp);
    this.delivery = new EmailOutboxService(outbox, this.transport, this.metrics, log);
    if (this.config.handoff.email) this.desk.register(new EmailForwardDestination(email.from, this.config.handoff.email, outbox, this.messages, this.states));
    const processor = new EmailInboxProcessor(
      email,
      this.config.handoff.email,
      this.dispatcher,
      this.desk,
      { db: this.db, inbound, outbox, conversations: this.conversations, customers: this.customers, messages: this.messages },
      this.metrics,
      log,
    );
    const mailbox = { key: `${email.imap.user}@${email.imap.host}:${email.imap.port}/${email.imap.mailbox}`, path: email.imap.mailbox };
    const positions = new EmailMailboxStateRepository(this.db);
    const start = new EmailMailboxStart(mailbox, email.backfill, positions, log);
    const flags = new MailboxFlagUpdater(mailbox, new EmailFlagUpdateRepository(this.db), log);
    const inbox = new EmailInbox(processor, this.delivery, outbox, Boolean(this.config.redis.url), OUTBOX_SWEEP_MS);
    this.inboxes.register(inbox);
    const sync = new EmailMailboxSync(mailbox, start, inbox, positions, flags, log);
    const supervisor = new ImapConnectionSupervisor(email.imap, (client) => sync.run(client), { pollIntervalMs: email.pollIntervalMs }, this.metrics, log);
    // One watcher per mailbox across gateways (REDIS_URL): the others stand by and take over within seconds of its end.
    this.leases = new Leases(this.config.redis);
    this.watcher = new LeasedTask(this.leases.lease(`imap:${mailbox.key}`), supervisor, {
      onAcquired: () => log.info({ mailbox: mailbox.path }, 'watching the mailbox (this gateway holds its lease)'),
      onLost: () => log.warn({ mailbox: mailbox.path }, 'mailbox lease lost: another gateway watches it now'),
      onError: (error) => log.warn({ err: error }, 'mailbox lease could not be taken or renewed'),
    });
    this.senders?.register(new EmailMessageSender(email, inbound, outbox, this.delivery));
  }

  /** After migrations and every module are ready (the channel inboxes send what a previous run left queued): watch. */
  onApplicationBootstrap(): void {
    this.watcher?.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.watcher?.stop();
    this.leases?.close();
    await this.delivery?.stop();
    this.transport?.close();
  }
}
