import { MessageSender, SentMessage } from '@support/channels';
import { Conversation } from '@support/conversation';
import { ChannelError, newId } from '@support/platform';
import { WebChatPush } from './web-chat-push.service';

/** A person's reply to a web chat customer: pushed to their open chat page. */
export class WebChatSender extends MessageSender {
  readonly channel = 'web' as const;
  readonly addressKind = 'web_session' as const;

  constructor(private readonly push: WebChatPush) {
    super();
  }

  async send(conversation: Conversation, _customerAddress: string, text: string): Promise<SentMessage> {
    const channelMessageId = newId('webmsg');
    const delivered = await this.push.send(conversation.id, { author: 'human_agent', text, messageId: channelMessageId });
    if (!delivered) throw new ChannelError('web', 'the customer has no chat page open; the reply is kept for when they return');
    return { channelMessageId };
  }
}
