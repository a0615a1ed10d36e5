import { ChannelInbox } from '@support/channels';
import { EmailInboxProcessor, MailboxMail, ProcessedMail } from './email-inbox.processor';
import { EmailOutboxService } from './email-outbox.service';

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
    readonly resumeEveryMs: number,
  ) {}

  receive(mail: MailboxMail): Promise<ProcessedMail> {
    return this.processor.process(mail);
  }

  answer(): Promise<void> {
    return this.outbox.drain();
  }

  resume(): Promise<void> {
    return this.outbox.drain();
  }

  /** Flushes the outbox: one pass over what is due; what fails stays queued for the next start. */
  settled(): Promise<void> {
    return this.outbox.drain();
  }
}
