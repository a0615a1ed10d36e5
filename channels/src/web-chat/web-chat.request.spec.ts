import { ValidationError } from '@support/platform';
import { toInboundMessage } from './web-chat.request';

const CONVERSATION = `conv_${'a'.repeat(32)}`;

describe(toInboundMessage.name, () => {
  it('keeps a continued message’s clientMessageId as its channel message id, scoped to the conversation', () => {
    const inbound = toInboundMessage({ conversationId: CONVERSATION, text: 'Is it ever free?', clientMessageId: 'msg-0001' }, 'token');

    expect(inbound.channelMessageId).toBe(`${CONVERSATION}:msg-0001`);
  });

  it('gives the same channel message id to a retry, so the retry is recognised', () => {
    const body = { conversationId: CONVERSATION, text: 'Is it ever free?', clientMessageId: 'msg-0001' };

    expect(toInboundMessage(body, 'token').channelMessageId).toBe(toInboundMessage(body, 'token').channelMessageId);
  });

  it('starts a conversation without a channel message id: a first message has nothing to be recognised in', () => {
    expect(toInboundMessage({ text: 'Hello', clientMessageId: 'msg-0001' }).channelMessageId).toBeUndefined();
  });

  it('refuses a clientMessageId that is not 8 to 64 letters, digits, _ or -', () => {
    for (const clientMessageId of ['short', 'a'.repeat(65), 'has space in it', 42]) {
      expect(() => toInboundMessage({ conversationId: CONVERSATION, text: 'Hi', clientMessageId }, 'token')).toThrow(ValidationError);
    }
  });
});
