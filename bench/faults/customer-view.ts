import { Client } from 'pg';
import type { FakeTwilio } from '../../test/servers/twilio';
import type { SmtpCaptureServer } from '../../test/servers/smtp/smtp-capture.server';
import { WebConversation } from './burst-driver';
import { MessageOutcome } from './message-outcome';

/** How many times the product stored a message, and how many answers the customer got to it. */
export interface MessageCount {
  stored: number;
  answers: number;
}

/**
 * Counts answers where the customer sees them: texts the local Twilio server was asked to send to the
 * message's sender (each sender wrote once), mails the SMTP server took that answer the mail's Message-ID
 * (In-Reply-To), and on web chat the bot's replies after the customer's message in the conversation's
 * history (each turn waits for the reply to the one before). Stored: rows in the product's `messages`
 * table with the channel's message id (web chat: the customer's message in the history).
 */
export class CustomerView {
  constructor(
    private readonly twilio: FakeTwilio,
    private readonly smtp: SmtpCaptureServer,
    private readonly databaseUrl: string,
  ) {}

  /** Answers seen so far by channel-side id (SMS, WhatsApp, email), for the wait for quiescence. */
  answersSoFar(outcomes: MessageOutcome[]): Map<string, number> {
    const sentTo = countBy(this.twilio.sent.map((m) => m.to));
    const repliesTo = countBy(this.smtp.received.map((m) => m.parsed.inReplyTo ?? ''));
    const answers = new Map<string, number>();
    for (const { message } of outcomes) {
      if (message.channel === 'sms' || message.channel === 'whatsapp') answers.set(message.id, sentTo.get(message.customer) ?? 0);
      else if (message.channel === 'email') answers.set(message.id, repliesTo.get(message.id) ?? 0);
    }
    return answers;
  }

  async count(outcomes: MessageOutcome[], conversations: WebConversation[]): Promise<Map<MessageOutcome, MessageCount>> {
    const answers = this.answersSoFar(outcomes);
    const stored = await this.storedByChannelId();
    const counts = new Map<MessageOutcome, MessageCount>();
    for (const outcome of outcomes) {
      if (outcome.message.channel === 'web') continue;
      const key = `${outcome.message.channel}:${outcome.message.id}`;
      counts.set(outcome, { stored: stored.get(key) ?? 0, answers: answers.get(outcome.message.id) ?? 0 });
    }
    for (const conversation of conversations) {
      const history = (await conversation.customer.history()) ?? [];
      for (const outcome of conversation.outcomes) counts.set(outcome, countInHistory(history, outcome.message.text));
    }
    return counts;
  }

  private async storedByChannelId(): Promise<Map<string, number>> {
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ channel: string; channel_message_id: string; copies: string }>(
        `SELECT channel, channel_message_id, count(*) AS copies FROM messages
          WHERE direction = 'inbound' AND channel IN ('sms', 'whatsapp', 'email') AND channel_message_id IS NOT NULL
          GROUP BY channel, channel_message_id`,
      );
      return new Map(rows.map((r) => [`${r.channel}:${r.channel_message_id}`, Number(r.copies)]));
    } finally {
      await client.end();
    }
  }
}

/** The customer's copies of `text` in the history, and the bot's replies that follow them before the customer's next message. */
function countInHistory(history: Array<{ author: string; text: string }>, text: string): MessageCount {
  let stored = 0;
  let answers = 0;
  let following = false;
  for (const message of history) {
    if (message.author === 'customer') {
      following = message.text.trim() === text.trim();
      if (following) stored++;
    } else if (following && message.author === 'bot') {
      answers++;
    }
  }
  return { stored, answers };
}

function countBy(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
