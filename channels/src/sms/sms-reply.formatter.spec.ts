import { countSmsSegments } from './sms-segments';
import { formatSmsReply, toPlainSmsText } from './sms-reply.formatter';

describe('formatSmsReply', () => {
  it('turns Markdown into plain text a phone shows as is', () => {
    expect(toPlainSmsText('## Returns\n**30 days** from delivery, see [our policy](https://x.example/r).\n* no gift cards')).toBe(
      'Returns\n30 days from delivery, see our policy (https://x.example/r).\n- no gift cards',
    );
  });

  it('replaces curly quotes and dashes so the reply stays GSM-7', () => {
    const text = formatSmsReply('We\u2019re sorry \u2014 it\u2019s \u201Con its way\u201D\u2026', 3);
    expect(text).toBe('We\'re sorry - it\'s "on its way"...');
    expect(countSmsSegments(text).encoding).toBe('GSM-7');
  });

  it('cuts a long reply after the last whole sentence within the segment cap', () => {
    const sentence = 'Your order left our warehouse this morning and should arrive within three business days. ';
    const reply = formatSmsReply(sentence.repeat(10), 2);
    expect(countSmsSegments(reply).segments).toBeLessThanOrEqual(2);
    expect(reply.endsWith('business days.')).toBe(true);
    expect(reply).toBe(sentence.repeat(3).trim());
  });

  it('counts UCS-2 segments when the reply needs them', () => {
    const reply = formatSmsReply('Danke 👍. '.repeat(40), 2);
    expect(countSmsSegments(reply)).toMatchObject({ encoding: 'UCS-2' });
    expect(countSmsSegments(reply).segments).toBeLessThanOrEqual(2);
  });

  it('cuts at a word with "..." when not even one sentence fits', () => {
    const reply = formatSmsReply(`${'word '.repeat(100)}end.`, 1);
    expect(reply.endsWith('word...')).toBe(true);
    expect(countSmsSegments(reply).segments).toBe(1);
  });
});
