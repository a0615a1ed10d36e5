import { CustomerMailBuilder } from '../../channels/src/email/testing/customer-mail.builder';
import { SUPPORT_ADDRESS } from './fault-environment';
import { describeFailure, MessageOutcome } from './message-outcome';
import { PrivateDovecot } from './private-dovecot';

/**
 * The mail server's side of a customer's mail: it lands in the support mailbox (an IMAP APPEND to dovecot,
 * as a delivery agent does). While dovecot is down the sending server keeps it and tries again, so
 * every mail is in the mailbox in the end; once there it stays until the product reads it.
 */
export class MailCustomer {
  constructor(private readonly dovecot: PrivateDovecot) {}

  async deliver(outcome: MessageOutcome): Promise<void> {
    const { message } = outcome;
    outcome.attempts++;
    try {
      const raw = await CustomerMailBuilder.from(message.customer).to(SUPPORT_ADDRESS).messageId(message.id).subject(message.text).text(message.text).build();
      await this.dovecot.deliver(raw);
      outcome.acknowledged = true;
    } catch (error) {
      outcome.lastError = describeFailure(error);
    }
  }
}
