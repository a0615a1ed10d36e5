import { formatWhatsAppReply, toWhatsAppText } from './whatsapp-reply.formatter';

describe('formatWhatsAppReply', () => {
  it("writes Markdown emphasis in WhatsApp's own: *bold*, _italic_, ~strike~", () => {
    expect(toWhatsAppText('**Refund** is *on its way*, ~~not~~ ~~delayed~~.')).toBe('*Refund* is _on its way_, ~not~ ~delayed~.');
  });

  it('makes headings bold and links readable', () => {
    expect(toWhatsAppText('# Returns\nSee [the policy](https://x.example/r).')).toBe('*Returns*\nSee the policy (https://x.example/r).');
  });

  it("keeps a reply within Twilio's 1600 characters, cut at a sentence", () => {
    const reply = formatWhatsAppReply('This sentence is exactly fifty characters long ok. '.repeat(40));
    expect(reply.length).toBeLessThanOrEqual(1600);
    expect(reply.endsWith('ok.')).toBe(true);
  });
});
