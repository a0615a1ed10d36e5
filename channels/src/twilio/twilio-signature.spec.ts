import twilio from 'twilio';
import { isSignedByTwilio } from './twilio-signature';

describe('isSignedByTwilio', () => {
  // Twilio's documented example, recomputed with the SDK (twilio-messaging.md §3).
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };

  it("accepts Twilio's documented test vector", () => {
    expect(isSignedByTwilio('12345', '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', url, params)).toBe(true);
  });

  it('refuses a changed field, another URL, another token, or no signature', () => {
    expect(isSignedByTwilio('12345', '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', url, { ...params, Digits: '9999' })).toBe(false);
    expect(isSignedByTwilio('12345', '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', 'https://other.example/myapp.php?foo=1&bar=2', params)).toBe(false);
    expect(isSignedByTwilio('54321', '0/KCTR6DLpKmkAf8muzZqo1nDgQ=', url, params)).toBe(false);
    expect(isSignedByTwilio('12345', undefined, url, params)).toBe(false);
  });

  it('covers empty fields too (a media-only message has Body=)', () => {
    const form = { Body: '', MessageSid: `SM${'0'.repeat(32)}` };
    const signature = twilio.getExpectedTwilioSignature('token', 'https://support.example/twilio/messaging', form);
    expect(isSignedByTwilio('token', signature, 'https://support.example/twilio/messaging', form)).toBe(true);
    expect(isSignedByTwilio('token', signature, 'https://support.example/twilio/messaging', { MessageSid: form.MessageSid })).toBe(false);
  });
});
