import { ChannelInbox } from '@support/channels';
import { EmailInboxProcessor, MailboxMail, ProcessedMail } from './email-inbox.processor';
import { EmailOutboxService } from './email-outbox.service';
import { EmailOutboxRepository } from './store/email-outbox.repository';

/**
 * The email channel's inbox. The mailbox keeps a mail until the product flags it \Seen and moves its saved position
 * past it, so a mail is acknowledged only after `receive` stored it with its answer queued, in one transaction;
 * reading it again (after a crash) finds both. `answer` sends what was queued; `resume` sends what a previous run
 * left queued or failed to send, and the mailbox watcher reads on from the saved position.
 */
export class EmailInbox implements ChannelInbox<MailboxMail, ProcessedMail> {
  readonly channels = ['email'] as const;

  constructor(
    private readonly processor: EmailInboxProcessor,
    private readonly outbox: EmailOutboxService,
    private readonly queued: EmailOutboxRepository,
    /** Other gateways may be sending now (REDIS_URL): their claims stand at start too. */
    private readonly replicas: boolean,
    readonly resumeEveryMs: number,
  ) {}

  receive(mail: MailboxMail): Promise<ProcessedMail> {
    return this.processor.process(mail);
  }

  answer(): Promise<void> {
    return this.outbox.drain();
  }

  /** At start without replicas, claims belong to a process that is gone: what it was sending goes again. */
  async resume(atStart: boolean): Promise<void> {
    if (atStart && !this.replicas) await this.queued.releaseClaims();
    await this.outbox.drain();
  }

  /** The send in progress finishes; what is still queued is sent at the next start. */
  settled(): Promise<void> {
    return this.outbox.stop();
  }
}
