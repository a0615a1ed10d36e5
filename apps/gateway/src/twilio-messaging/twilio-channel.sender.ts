import { MessageSender, SentMessage } from '@support/channels';
import { Conversation } from '@support/conversation';
import { ChannelError } from '@support/platform';
import { TwilioOutbox } from './twilio-outbox.service';

/** A person's reply on SMS or WhatsApp, through the same outbox as the bot's (opt-outs, window, formatting). */
export class TwilioChannelSender extends MessageSender {
  readonly addressKind;

  constructor(
    readonly channel: 'sms' | 'whatsapp',
    private readonly outbox: TwilioOutbox,
  ) {
    super();
    this.addressKind = channel === 'sms' ? ('phone' as const) : ('whatsapp' as const);
  }

  async send(conversation: Conversation, customerAddress: string, text: string): Promise<SentMessage> {
    const result = await this.outbox.send({ channel: this.channel, conversationId: conversation.id, toAddress: customerAddress, text, purpose: 'human' });
    switch (result.outcome) {
      case 'sent':
        return { channelMessageId: result.messageSid };
      // Twilio may have it; the outbox finds out and never sends it twice, so the person must not send it again either.
      case 'unknown':
        return { channelMessageId: null };
      case 'opted_out':
        throw new ChannelError(this.channel, 'the customer has opted out (STOP); nothing more may be sent to them.');
      case 'outside_window':
        throw new ChannelError(
          this.channel,
          "WhatsApp's 24-hour window has closed since the customer's last message; only an approved template may be sent now.",
        );
      case 'failed':
        throw result.error;
      default:
        throw new ChannelError(this.channel, 'the message was not sent.');
    }
  }
}
