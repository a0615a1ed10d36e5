import { parseCookieHeader } from './cookie-header';

describe(parseCookieHeader.name, () => {
  it('reads each cookie of the header by name', () => {
    const cookies = parseCookieHeader('theme=dark; chat_session=abc-123_x; lang="en"');
    expect(cookies.get('chat_session')).toBe('abc-123_x');
    expect(cookies.get('theme')).toBe('dark');
    expect(cookies.get('lang')).toBe('en');
  });

  it('keeps the first of two cookies with the same name', () => {
    expect(parseCookieHeader('chat_session=first; chat_session=second').get('chat_session')).toBe('first');
  });

  it('finds nothing in a missing or malformed header', () => {
    expect(parseCookieHeader(undefined).size).toBe(0);
    expect(parseCookieHeader('garbage; =novalue; ;').size).toBe(0);
    expect(parseCookieHeader('bad=%E0%A4%A').get('bad')).toBe('%E0%A4%A');
  });
});
