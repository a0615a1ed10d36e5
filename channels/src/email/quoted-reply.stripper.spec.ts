import { htmlToVisibleText, visibleReplyText } from './quoted-reply.stripper';
import { REPLY_MARKER } from './reply-marker';

describe('visibleReplyText', () => {
  it('drops a Gmail-style quoted history', () => {
    const text =
      'It still has not arrived.\n\nOn Tue, 4 Mar 2025 at 10:00, Shop Support <support@shop.example> wrote:\n> Your order is on its way.\n> Kind regards';
    expect(visibleReplyText(text)).toBe('It still has not arrived.');
  });

  it('drops an Outlook header block that is not quoted with >', () => {
    const text =
      'Thanks, that helps.\n\n-----Original Message-----\nFrom: Shop Support <support@shop.example>\nSent: Tuesday\nSubject: Re: Order\n\nYour order is on its way.';
    expect(visibleReplyText(text)).toBe('Thanks, that helps.');
  });

  it('cuts at the marker the bot puts on top of its mails', () => {
    const text = `Can I change the address?\n\nShop Support wrote\n${REPLY_MARKER}\n\nYour order is on its way.`;
    expect(visibleReplyText(text)).toBe('Can I change the address?\n\nShop Support wrote');
  });

  it('drops signatures: the RFC 3676 delimiter and "Sent from my iPhone"', () => {
    expect(visibleReplyText('Where is my parcel?\n\n-- \nAda Lovelace\nAnalytical Engines Ltd')).toBe('Where is my parcel?');
    expect(visibleReplyText('Where is my parcel?\n\nSent from my iPhone')).toBe('Where is my parcel?');
  });

  it('keeps a message that has no quote', () => {
    expect(visibleReplyText('Hello,\n\nI would like a refund for order #W123.\n\nAda')).toBe('Hello,\n\nI would like a refund for order #W123.\n\nAda');
  });
});

describe('htmlToVisibleText', () => {
  it('drops Gmail and Apple quotes and keeps the paragraphs', () => {
    const html =
      '<div dir="ltr"><p>Still waiting &amp; worried.</p><p>Ada</p></div><div class="gmail_quote"><div>On Tue … wrote:</div><blockquote>old</blockquote></div>';
    expect(htmlToVisibleText(html)).toBe('Still waiting & worried.\nAda');
  });
});
