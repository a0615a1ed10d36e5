import { MAX_MESSAGE_LENGTH } from '@support/conversation';
import { simpleParser } from 'mailparser';
import { toEmailInbound } from './email.mapper';
import { referencedIds, threadHeadersOf } from './email-thread';
import { CustomerMailBuilder } from './testing/customer-mail.builder';

async function map(builder: CustomerMailBuilder, conversationId?: string) {
  const mail = await simpleParser(await builder.build());
  return toEmailInbound(mail, { thread: threadHeadersOf(mail), fallbackMessageId: 'imap:INBOX:1:7', conversationId });
}

describe(toEmailInbound.name, () => {
  it('makes the sender a verified email identity and keys the message on its Message-ID', async () => {
    const inbound = await map(
      CustomerMailBuilder.from('Ada Lovelace <Ada@Customer.example>').messageId('<m1@customer.example>').subject('Where is my order?').text('It is late.'),
    );
    expect(inbound?.message).toMatchObject({
      channel: 'email',
      from: { kind: 'email', address: 'ada@customer.example', verified: true },
      profile: { name: 'Ada Lovelace', email: 'ada@customer.example' },
      channelMessageId: '<m1@customer.example>',
      text: 'Where is my order?\n\nIt is late.',
    });
  });

  it('gives the agent only the new text of a reply, without the subject', async () => {
    const inbound = await map(
      CustomerMailBuilder.from()
        .subject('Re: Where is my order?')
        .inReplyTo('<bot1@shop.example>', ['<m1@customer.example>'])
        .text('Any news?\n\nOn Monday Shop wrote:\n> It ships today.'),
      'conv_1',
    );
    expect(inbound?.message.text).toBe('Any news?');
    expect(inbound?.message.conversationId).toBe('conv_1');
    expect(referencedIds(inbound!.thread)).toEqual(['<bot1@shop.example>', '<m1@customer.example>']);
  });

  it('answers to Reply-To when the customer set one', async () => {
    expect((await map(CustomerMailBuilder.from().replyTo('ada.private@home.example')))?.replyTo).toBe('ada.private@home.example');
  });

  it('cuts a mail that is too long at a line break, not inside the email address the limit falls on', async () => {
    const subject = 'Damaged';
    const lines = Array.from({ length: 120 }, () => 'The parcel arrived damaged and the box was open when it came.');
    const ask = 'Please write to jane.doe@example.com about it.';
    const padding = 'so '.repeat(400).slice(0, MAX_MESSAGE_LENGTH - `${subject}\n\n${lines.join('\n')}\n`.length - ask.indexOf('@'));
    const inbound = await map(
      CustomerMailBuilder.from()
        .subject(subject)
        .text(`${lines.join('\n')}\n${padding}${ask}`),
    );
    expect(inbound?.message.text).not.toContain('jane.doe');
    expect(inbound?.message.text.endsWith('the box was open when it came.')).toBe(true);
  });

  it('reads an HTML-only mail', async () => {
    const inbound = await map(CustomerMailBuilder.from().subject('Re: hello').html('<p>Do you ship to Norway?</p>'));
    expect(inbound?.message.text).toBe('Do you ship to Norway?');
  });

  it('keeps attachments by reference to the mail', async () => {
    const inbound = await map(CustomerMailBuilder.from().messageId('<m2@customer.example>').attach('receipt.txt', 'paid'));
    expect(inbound?.message.attachments).toEqual([{ url: 'mid:m2%40customer.example/receipt.txt', contentType: 'text/plain', name: 'receipt.txt' }]);
  });

  it('falls back to the mailbox position when the mail has no Message-ID', async () => {
    const mail = await simpleParser(Buffer.from('From: ada@customer.example\r\nTo: support@shop.example\r\nSubject: hi\r\n\r\nHello there\r\n'));
    const inbound = toEmailInbound(mail, { thread: threadHeadersOf(mail), fallbackMessageId: 'imap:INBOX:1:7' });
    expect(inbound?.message.channelMessageId).toBe('imap:INBOX:1:7');
  });
});
