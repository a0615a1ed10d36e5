import { CustomerWords } from './customer-words';

describe(CustomerWords.name, () => {
  it('knows an address with letters beyond ASCII as the customer wrote it, never a tail of it', () => {
    const words = new CustomerWords(['Order W1234567, my email is Jürgen.Groß@beispiel.de']);
    expect(words.wroteEmail('jürgen.groß@beispiel.de')).toBe(true);
    expect(words.wroteEmail('rgen.groß@beispiel.de')).toBe(false);
  });

  it('takes whole order numbers and ZIP codes only, not digits out of longer numbers', () => {
    const words = new CustomerWords(['tracking 1Z9972140000 and order W12345678, phone 503-972-1400']);
    expect(words.wroteOrderId('#W1234567')).toBe(false);
    expect(words.wroteZip('97214')).toBe(false);
  });

  it('reads digits and letters written full-width or with invisible characters as the plain ones', () => {
    const words = new CustomerWords(['ｏｒｄｅｒ Ｗ１２３４５６７ ZIP 97\u200B214']);
    expect(words.wroteOrderId('W1234567')).toBe(true);
    expect(words.wroteZip('97214')).toBe(true);
  });
});
