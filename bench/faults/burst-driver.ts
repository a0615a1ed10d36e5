import { reportProgress } from '../support/progress';
import { MailCustomer } from './mail-customer';
import { MessageOutcome, newOutcome } from './message-outcome';
import { PlannedCustomer } from './message-plan';
import { TwilioCustomer } from './twilio-customer';
import { WebChatCustomer } from './web-chat-customer';

export interface BurstChannels {
  twilio: TwilioCustomer;
  mail: MailCustomer;
  newWebChat(): WebChatCustomer;
}

/** Web chat customers held for history reads at the end, with the outcomes of their turns. */
export interface WebConversation {
  customer: WebChatCustomer;
  outcomes: MessageOutcome[];
}

/**
 * Plays the burst in time: each customer starts at its moment. Twilio posts each webhook once (what got no
 * 2xx is redelivered after the burst); the mail server and the browser retry while the burst runs, the
 * browser with the same clientMessageId, for up to `retryWindowMs` per message.
 */
export class BurstDriver {
  readonly outcomes: MessageOutcome[] = [];
  readonly conversations: WebConversation[] = [];
  private finished = 0;

  constructor(
    private readonly channels: BurstChannels,
    private readonly retryWindowMs: number,
  ) {}

  async run(plan: PlannedCustomer[], startedAt: number): Promise<void> {
    const total = plan.reduce((sum, customer) => sum + customer.messages.length, 0);
    const progress = setInterval(
      () => reportProgress(`burst: ${this.outcomes.length}/${total} messages sent, ${this.finished}/${plan.length} customers done`),
      10_000,
    );
    try {
      await Promise.all(
        plan.map(async (customer) => {
          await sleep(startedAt + customer.startsAtS * 1_000 - Date.now());
          await this.play(customer);
          this.finished++;
        }),
      );
    } finally {
      clearInterval(progress);
    }
  }

  private async play(customer: PlannedCustomer): Promise<void> {
    if (customer.channel === 'web') return this.converse(customer);
    const outcome = newOutcome(customer.messages[0]);
    this.outcomes.push(outcome);
    if (customer.channel === 'email') return this.untilAcknowledged(outcome, () => this.channels.mail.deliver(outcome));
    await this.channels.twilio.deliver(outcome);
  }

  /** Turn after turn, each after the reply to the one before; a conversation a person took over, or a turn never answered, ends it. */
  private async converse(customer: PlannedCustomer): Promise<void> {
    const chat = this.channels.newWebChat();
    const conversation: WebConversation = { customer: chat, outcomes: [] };
    this.conversations.push(conversation);
    for (const message of customer.messages) {
      const outcome = newOutcome(message);
      this.outcomes.push(outcome);
      conversation.outcomes.push(outcome);
      await this.untilAcknowledged(outcome, () => chat.send(outcome));
      if (!outcome.acknowledged || chat.handedOff) return;
    }
  }

  private async untilAcknowledged(outcome: MessageOutcome, attempt: () => Promise<unknown>): Promise<void> {
    const deadline = Date.now() + this.retryWindowMs;
    for (let backoffMs = 1_000; ; backoffMs = Math.min(backoffMs * 2, 5_000)) {
      await attempt();
      if (outcome.acknowledged || Date.now() + backoffMs > deadline) return;
      await sleep(backoffMs);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
