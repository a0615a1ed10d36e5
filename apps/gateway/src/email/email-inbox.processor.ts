import { EmailInbound, composeEmailReply, detectAutomatedMail, firstAddress, referencedIds, threadHeadersOf, toEmailInbound } from '@support/channels';
import { ConversationRepository, CustomerRepository, MessageRepository } from '@support/conversation';
import { Database, EmailConfig, Logger, Metrics } from '@support/platform';
import { simpleParser } from 'mailparser';
import { TurnDispatcher } from '../conversations/turn-dispatcher.service';
import { HandoffDesk } from '../handoff/handoff-desk';
import { EmailInboundRepository, InboundOutcome } from './store/email-inbound.repository';
import { EmailOutboxRepository } from './store/email-outbox.repository';

export interface MailboxMail {
  mailbox: string;
  uidValidity: string;
  uid: number;
  source: Buffer;
}

export interface ProcessedMail {
  outcome: InboundOutcome;
  /** The Message-ID it is stored under (made up from the UID when the mail has none). */
  messageId: string;
  /**
   * Flags the mail should carry now: \Seen once the bot answered or forwarded it, and \Answered
   * when the customer got a reply. Automated and unreadable mail stays unread for a person.
   */
  flags: string[];
}

/**
 * One mail from the mailbox, start to end: parsed, loop-checked, threaded, stored through the
 * dispatcher (dedup on Message-ID), answered by the agent, and the answer queued in the outbox,
 * with the handoff (if any) through the handoff desk, in one transaction. Reading the same mail again finds the
 * stored message, the stored reply and the queued mail: nothing is answered twice.
 */
export class EmailInboxProcessor {
  private readonly ownAddresses: string[];

  constructor(
    private readonly config: EmailConfig,
    private readonly handoffAddress: string | undefined,
    private readonly dispatcher: TurnDispatcher,
    private readonly desk: HandoffDesk,
    private readonly stores: {
      db: Database;
      inbound: EmailInboundRepository;
      outbox: EmailOutboxRepository;
      conversations: ConversationRepository;
      customers: CustomerRepository;
      messages: MessageRepository;
    },
    private readonly metrics: Metrics,
    private readonly logger: Logger,
  ) {
    this.ownAddresses = [config.fromAddress, config.imap.user.toLowerCase(), ...(handoffAddress ? [handoffAddress.toLowerCase()] : [])];
  }

  async process(mail: MailboxMail): Promise<ProcessedMail> {
    const parsed = await simpleParser(mail.source, { skipImageLinks: true, maxHtmlLengthToParse: 2_000_000 });
    const thread = threadHeadersOf(parsed);
    const messageId = thread.messageId ?? `<imap.${mail.uidValidity}.${mail.uid}@${this.config.fromAddress.split('@')[1]}>`;
    const log = this.logger.child({ mailbox: mail.mailbox, uid: mail.uid, emailMessageId: messageId });
    const record = (outcome: InboundOutcome, reason: string | null, conversationId: string | null = null, inbound?: EmailInbound) =>
      this.stores.inbound.record({
        messageId,
        conversationId,
        mailbox: mail.mailbox,
        uidValidity: mail.uidValidity,
        uid: mail.uid,
        fromAddress: firstAddress(parsed.from)?.address ?? null,
        replyTo: inbound?.replyTo ?? null,
        thread: { ...thread, messageId },
        outcome,
        reason,
      });

    const verdict = detectAutomatedMail(parsed, { ownAddresses: this.ownAddresses });
    if (verdict.automated) {
      await record('automated', verdict.reason);
      this.metrics.emailInbound.inc({ outcome: 'automated' });
      log.info({ reason: verdict.reason }, 'automated mail not answered');
      return { outcome: 'automated', messageId, flags: [] };
    }

    const conversationId = await this.threadConversation(referencedIds(thread), firstAddress(parsed.from)?.address);
    const inbound = toEmailInbound(parsed, { thread, fallbackMessageId: messageId, conversationId });
    if (!inbound) {
      await record('unreadable', 'no sender or no text');
      this.metrics.emailInbound.inc({ outcome: 'unreadable' });
      log.warn('mail without a sender address or any text; not answered');
      return { outcome: 'unreadable', messageId, flags: [] };
    }

    const reply = await this.dispatcher.dispatch(inbound.message);
    // On a re-read the reply comes back from the store and the outbox already holds its mail: nothing new is queued.
    const { queued, destinations } = await this.stores.db.transaction(async (tx) => {
      let count = 0;
      await this.stores.inbound.record(
        {
          messageId,
          conversationId: reply.conversationId,
          mailbox: mail.mailbox,
          uidValidity: mail.uidValidity,
          uid: mail.uid,
          fromAddress: inbound.message.from.address,
          replyTo: inbound.replyTo,
          thread: { ...thread, messageId },
          outcome: 'dispatched',
          reason: null,
        },
        tx,
      );
      if (reply.text.trim()) {
        const answer = composeEmailReply({ from: this.config.from, to: inbound.replyTo, parent: { ...thread, messageId }, text: reply.text, automatic: true });
        if (await this.stores.outbox.enqueue({ conversationId: reply.conversationId, cause: `${messageId}:reply`, kind: 'reply', mail: answer }, tx))
          count += 1;
      }
      const reach = {
        channel: 'email' as const,
        messageId,
        replyTo: inbound.replyTo,
        name: inbound.message.profile?.name,
        thread: inbound.thread,
        original: mail.source,
        tx,
      };
      return { queued: count, destinations: await this.desk.handOff(reply, reach) };
    });
    this.metrics.emailInbound.inc({ outcome: 'dispatched' });
    log.info({ conversationId: reply.conversationId, replied: !!reply.text.trim(), handoff: !!reply.handoff, queued, destinations }, 'mail handled');
    return { outcome: 'dispatched', messageId, flags: reply.text.trim() ? ['\\Seen', '\\Answered'] : ['\\Seen'] };
  }

  /**
   * The conversation of an earlier mail in the thread, unless it has been closed since, and only for the
   * customer it belongs to: anyone can quote a Message-ID, and the thread's conversation may be verified
   * and hold a proposal waiting for a yes. Someone else writing into the thread starts a conversation of their own.
   */
  private async threadConversation(ids: string[], sender: string | undefined): Promise<string | undefined> {
    const conversationId = await this.stores.inbound.findConversation(ids);
    if (!conversationId || !sender) return undefined;
    const conversation = await this.stores.conversations.get(conversationId);
    if (!conversation || conversation.channel !== 'email' || conversation.status === 'closed') return undefined;
    const identities = await this.stores.customers.identities(conversation.customerId);
    const own = identities.some((identity) => identity.kind === 'email' && identity.address.toLowerCase() === sender.toLowerCase());
    return own ? conversation.id : undefined;
  }
}
