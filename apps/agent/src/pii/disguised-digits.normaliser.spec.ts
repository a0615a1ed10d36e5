import { normaliseDisguisedText } from './disguised-digits.normaliser';

describe(normaliseDisguisedText.name, () => {
  it('reads full-width digits and dashes as plain ones', () => {
    expect(normaliseDisguisedText('call ５５５－８６７－５３０９').text).toBe('call 555-867-5309');
  });

  it('drops zero-width characters and bidi marks hidden inside a number', () => {
    expect(normaliseDisguisedText('4111\u200B1111\u200D1111\u2060111\u202E1\uFEFF').text).toBe('4111111111111111');
  });

  it('maps a stretch of the readable text back to the characters the customer typed, invisible ones included', () => {
    const original = 'tel: 555\u200B867\u200B5309!';
    const readable = normaliseDisguisedText(original);
    const start = readable.text.indexOf('555');
    const { start: from, end: to } = readable.toOriginal(start, start + 10);
    expect(original.slice(from, to)).toBe('555\u200B867\u200B5309');
  });

  it('maps full-width characters back one to one', () => {
    const original = 'card ４１１１ please';
    const readable = normaliseDisguisedText(original);
    expect(readable.toOriginal(5, 9)).toEqual({ start: 5, end: 9 });
  });

  it('leaves plain text and its offsets as they are', () => {
    const readable = normaliseDisguisedText('order #W1234567, call 555-867-5309');
    expect(readable.text).toBe('order #W1234567, call 555-867-5309');
    expect(readable.toOriginal(22, 34)).toEqual({ start: 22, end: 34 });
  });
});
