import { composeEmailReply } from './email-reply.composer';
import { replySubject } from './email-thread';
import { composeHandoffForward } from './handoff-forward.composer';
import { REPLY_MARKER } from './reply-marker';

const parent = {
  messageId: '<m2@customer.example>',
  inReplyTo: ['<bot1@shop.example>'],
  references: ['<m1@customer.example>', '<bot1@shop.example>'],
  subject: 'Re: Order',
};

describe(composeEmailReply.name, () => {
  const reply = composeEmailReply({
    from: 'Shop Support <support@shop.example>',
    to: 'ada@customer.example',
    parent,
    text: 'It ships today.\n\nSee https://shop.example/track',
    automatic: true,
  });

  it('threads under the customer mail (RFC 5322 In-Reply-To and References)', () => {
    expect(reply.inReplyTo).toBe('<m2@customer.example>');
    expect(reply.references).toEqual(['<m1@customer.example>', '<bot1@shop.example>', '<m2@customer.example>']);
    expect(reply.messageId).toMatch(/^<mail_[0-9a-f]{32}@shop\.example>$/);
  });

  it('says "Re:" once, however often the subject was answered', () => {
    expect(reply.subject).toBe('Re: Order');
    expect(replySubject('RE: Re: Aw: Order')).toBe('Re: Order');
    expect(replySubject('Order')).toBe('Re: Order');
  });

  it('has a text and an HTML part, the marker on top, and says it is automatic', () => {
    expect(reply.text.startsWith(`${REPLY_MARKER}\n\nIt ships today.`)).toBe(true);
    expect(reply.html).toContain('<a href="https://shop.example/track">');
    expect(reply.headers).toEqual({ 'Auto-Submitted': 'auto-replied' });
  });
});

describe(composeHandoffForward.name, () => {
  it('puts the summary on top, attaches the original and lets the team reply to the customer', () => {
    const forward = composeHandoffForward({
      from: 'support@shop.example',
      to: 'team@shop.example',
      customer: { address: 'ada@customer.example', name: 'Ada' },
      thread: parent,
      reason: 'customer_request',
      summary: 'Ada wants a person about order W1.',
      transcript: [{ author: 'customer', text: 'I want a human' }],
      original: Buffer.from('From: ada@customer.example\r\n\r\nI want a human\r\n'),
      followUp: false,
    });
    expect(forward).toMatchObject({ to: 'team@shop.example', replyTo: 'ada@customer.example', subject: '[Handoff] Re: Order' });
    expect(forward.text.indexOf('Ada wants a person')).toBeLessThan(forward.text.indexOf('I want a human'));
    expect(forward.attachments).toEqual([{ filename: 'original.eml', contentType: 'message/rfc822', content: expect.any(Buffer) }]);
  });
});
