import { toTwilioInbound, toTwilioInboundMessage } from './twilio-inbound.mapper';

const SID = `SM${'1'.repeat(32)}`;
const sms = (extra: Record<string, string> = {}) => ({
  MessageSid: SID,
  AccountSid: `AC${'2'.repeat(32)}`,
  From: '+15035550147',
  To: '+15550001000',
  Body: 'Hi',
  NumMedia: '0',
  ...extra,
});

describe('toTwilioInbound', () => {
  it('reads an SMS as a verified phone identity with its MessageSid as the channel message id', () => {
    expect(toTwilioInboundMessage(toTwilioInbound(sms()))).toEqual({
      channel: 'sms',
      from: { kind: 'phone', address: '+15035550147', verified: true },
      text: 'Hi',
      attachments: [],
      channelMessageId: SID,
    });
  });

  it('reads a WhatsApp message: whatsapp: prefix off the address, profile name kept, answer from the To sender', () => {
    const inbound = toTwilioInbound(sms({ From: 'whatsapp:+491511234567', To: 'whatsapp:+14155238886', ProfileName: 'Ana', WaId: '491511234567' }));
    expect(inbound).toMatchObject({ channel: 'whatsapp', from: '+491511234567', to: 'whatsapp:+14155238886', profileName: 'Ana' });
    expect(toTwilioInboundMessage(inbound)).toMatchObject({ from: { kind: 'whatsapp', address: '+491511234567' }, profile: { name: 'Ana' } });
  });

  it('keeps every media link with its content type', () => {
    const inbound = toTwilioInbound(
      sms({
        Body: '',
        NumMedia: '2',
        MediaUrl0: 'https://api.twilio.com/a',
        MediaContentType0: 'image/jpeg',
        MediaUrl1: 'https://api.twilio.com/b',
        MediaContentType1: 'application/pdf',
      }),
    );
    expect(inbound.media).toEqual([
      { url: 'https://api.twilio.com/a', contentType: 'image/jpeg' },
      { url: 'https://api.twilio.com/b', contentType: 'application/pdf' },
    ]);
    expect(inbound.keyword).toBeNull();
  });

  it('recognises carrier keywords', () => {
    expect(toTwilioInbound(sms({ Body: 'STOP' })).keyword).toBe('stop');
  });

  it.each([
    ['no MessageSid', { MessageSid: '' }],
    ['a malformed MessageSid', { MessageSid: 'SM123' }],
    ['no From', { From: '' }],
    ['a From that is not a number', { From: 'client:bob' }],
    ['neither text nor media', { Body: '  ' }],
    ['NumMedia without the media', { NumMedia: '1' }],
    ['an absurd NumMedia', { NumMedia: '-1' }],
  ])('refuses a webhook with %s', (_, extra) => {
    expect(() => toTwilioInbound(sms(extra))).toThrow();
  });
});
