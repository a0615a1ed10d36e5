import { composeHandoffForward } from '@support/channels';
import { ConversationStates, IllegalTransitionError, MessageRepository } from '@support/conversation';
import { EmailOutboxRepository } from '../email/store/email-outbox.repository';
import { HandoffDelivery, HandoffDestination } from './handoff-destination';

/**
 * `HANDOFF_EMAIL`: an email thread handed off is forwarded to the team with the summary on top, the transcript and
 * the customer's mail attached, Reply-To the customer. The team mailbox then has the thread (the conversation is
 * claimed for `mailbox:<address>`), so the bot stays silent on it and later mails are forwarded as follow-ups.
 */
export class EmailForwardDestination implements HandoffDestination {
  readonly name = 'email_forward';

  constructor(
    private readonly from: string,
    private readonly teamAddress: string,
    private readonly outbox: EmailOutboxRepository,
    private readonly messages: MessageRepository,
    private readonly states: ConversationStates,
  ) {}

  get assignee(): string {
    return `mailbox:${this.teamAddress}`;
  }

  accepts(delivery: HandoffDelivery): boolean {
    return delivery.reach.channel === 'email';
  }

  async deliver({ kind, handoff, conversation, reach }: HandoffDelivery): Promise<void> {
    if (reach.channel !== 'email') return;
    const transcript = (await this.messages.list(conversation.id, reach.tx)).map((m) => ({ author: m.author, text: m.text }));
    const mail = composeHandoffForward({
      from: this.from,
      to: this.teamAddress,
      customer: { address: reach.replyTo, name: reach.name },
      thread: reach.thread,
      reason: handoff.reason,
      summary: handoff.packet?.summary ?? handoff.summary,
      transcript,
      original: reach.original,
      followUp: kind === 'follow_up',
    });
    await this.outbox.enqueue({ conversationId: conversation.id, cause: `${reach.messageId}:handoff`, kind: 'handoff', mail }, reach.tx);
    if (kind === 'handoff' && conversation.status === 'waiting_for_human') await this.claimForTeam(conversation.id, reach.tx);
  }

  /** A person who claimed it in the workspace meanwhile keeps it. */
  private async claimForTeam(conversationId: string, tx: Parameters<ConversationStates['claim']>[2]): Promise<void> {
    try {
      await this.states.claim(conversationId, this.assignee, tx);
    } catch (error) {
      if (!(error instanceof IllegalTransitionError)) throw error;
    }
  }
}
