import { CustomerMailBuilder } from '../../../channels/src/email/testing/customer-mail.builder';
import { PgDatabase } from '../../../platform/src/database/pg.database';
import { DovecotServer, startDovecot } from '../../servers/imap/dovecot.server';
import { mailboxWatched } from '../../servers/imap/mailbox-watched';
import { SmtpCaptureServer, startSmtpCapture } from '../../servers/smtp/smtp-capture.server';
import { ChannelUnderContract, ContractMessage } from './channel-under-contract';

const SUPPORT = 'support@shop.example';

/**
 * Email through a real dovecot (IMAP in) and a real SMTP server (out). The mailbox keeps a mail until it is read,
 * and the product acknowledges it by flagging it \Seen. SMTP cannot be asked whether a mail whose 250 was lost
 * arrived, so the product sends it again with the same Message-ID, which the customer's mail client shows once:
 * the customer's replies are counted by Message-ID.
 */
export class EmailChannel implements ChannelUnderContract {
  readonly name = 'email';
  private imap!: DovecotServer;
  private smtp!: SmtpCaptureServer;
  private readonly uids = new Map<string, number[]>();

  async start(): Promise<Record<string, string>> {
    [this.imap, this.smtp] = await Promise.all([startDovecot(SUPPORT), startSmtpCapture()]);
    return { ...this.imap.env, ...this.smtp.env, SUPPORT_EMAIL_FROM: `Shop Support <${SUPPORT}>`, EMAIL_POLL_INTERVAL_MS: '300' };
  }

  /** Mail that arrives before the product first looked at the mailbox is old mail to it: wait until it has. */
  async connected(_gatewayUrl: string, databaseUrl: string): Promise<void> {
    const db = new PgDatabase(databaseUrl, { max: 1 });
    try {
      await mailboxWatched(db);
    } finally {
      await db.close();
    }
  }

  async deliver(message: ContractMessage): Promise<void> {
    const raw = await CustomerMailBuilder.from(addressOf(message)).to(SUPPORT).messageId(messageId(message)).subject('A question').text(message.text).build();
    const uid = await this.imap.append(raw);
    this.uids.set(message.id, [...(this.uids.get(message.id) ?? []), uid]);
  }

  async acknowledged(message: ContractMessage): Promise<boolean> {
    const flags = await this.imap.flags();
    return (this.uids.get(message.id) ?? []).some((uid) => flags.get(uid)?.has('\\Seen'));
  }

  async replies(message: ContractMessage): Promise<number> {
    const replies = this.smtp.received.filter((mail) => mail.parsed.inReplyTo === messageId(message));
    return new Set(replies.map((mail) => mail.parsed.messageId)).size;
  }

  loseNextSendOutcome(): void {
    this.smtp.cutAfterDataNext(1);
  }

  slowSends(ms: number): void {
    this.smtp.setLatency(ms);
  }

  async stop(): Promise<void> {
    await Promise.all([this.imap?.close(), this.smtp?.close()]);
  }
}

function messageId(message: ContractMessage): string {
  return `<${message.id}@customer.example>`;
}

/** The suite names customers by phone number; by mail they are that number at a customer domain. */
function addressOf(message: ContractMessage): string {
  return `c${message.customer.replace(/\D/g, '')}@customer.example`;
}
