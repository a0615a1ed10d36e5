import { Injectable } from '@nestjs/common';
import { MessageSender } from '@support/channels';
import { Channel } from '@support/conversation';

/** The outbound sender of each channel that can reach a customer on its own; channel modules register theirs at start. */
@Injectable()
export class MessageSenderRegistry {
  private readonly senders = new Map<Channel, MessageSender>();

  register(sender: MessageSender): void {
    if (this.senders.has(sender.channel)) throw new Error(`A message sender for ${sender.channel} is already registered.`);
    this.senders.set(sender.channel, sender);
  }

  forChannel(channel: Channel): MessageSender | null {
    return this.senders.get(channel) ?? null;
  }
}
