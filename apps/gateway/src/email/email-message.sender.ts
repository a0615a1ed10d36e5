import { MessageSender, SentMessage, composeEmailReply } from '@support/channels';
import { Conversation } from '@support/conversation';
import { ChannelError, EmailConfig, newId } from '@support/platform';
import { EmailOutboxService } from './email-outbox.service';
import { EmailInboundRepository } from './store/email-inbound.repository';
import { EmailOutboxRepository } from './store/email-outbox.repository';

/**
 * A person's reply on an email conversation (from the human-agent API): threaded under the
 * customer's latest mail, from the support address, queued in the outbox and sent at once.
 * A temporary SMTP failure leaves it queued for retry; a refusal throws and nothing was sent.
 */
export class EmailMessageSender extends MessageSender {
  readonly channel = 'email' as const;
  readonly addressKind = 'email' as const;

  constructor(
    private readonly config: EmailConfig,
    private readonly inbound: EmailInboundRepository,
    private readonly outbox: EmailOutboxRepository,
    private readonly delivery: EmailOutboxService,
  ) {
    super();
  }

  async send(conversation: Conversation, customerAddress: string, text: string): Promise<SentMessage> {
    const latest = await this.inbound.latestForConversation(conversation.id);
    const parent = latest?.thread ?? { messageId: null, inReplyTo: [], references: [], subject: 'Your support request' };
    const mail = composeEmailReply({ from: this.config.from, to: latest?.replyTo ?? customerAddress, parent, text, automatic: false });
    const cause = `human:${newId('reply')}`;
    await this.outbox.enqueue({ conversationId: conversation.id, cause, kind: 'human_reply', mail });
    await this.delivery.drain();
    const entry = await this.outbox.byCause(cause);
    if (entry?.status === 'failed') throw new ChannelError('email', 'the mail server refused the reply');
    return { channelMessageId: mail.messageId };
  }
}
