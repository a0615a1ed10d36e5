import { PiiRedactor } from './pii-redactor';
import { PiiVault } from './pii-vault';

describe(PiiRedactor.name, () => {
  const redactor = new PiiRedactor();
  const redacted = (text: string) => redactor.redact(text).text;

  describe('emails', () => {
    it('replaces an email address with a placeholder', () => {
      expect(redacted('you can reach me at jane.doe+orders@example.co.uk thanks')).toBe('you can reach me at [EMAIL_1] thanks');
    });

    it('gives the same address the same placeholder whatever its case', () => {
      expect(redacted('Jane.Doe@Example.com, I mean jane.doe@example.com')).toBe('[EMAIL_1], I mean [EMAIL_1]');
    });
  });

  describe('phone numbers', () => {
    it('replaces a US number in national format', () => {
      expect(redacted('call me back on (415) 555-0132 please')).toBe('call me back on [PHONE_1] please');
    });

    it('replaces an international number with a country code', () => {
      expect(redacted('my UK mobile is +44 20 7946 0958')).toBe('my UK mobile is [PHONE_1]');
    });

    it('replaces a foreign national number when the customer says it is a phone number', () => {
      expect(redacted('Phone: 0490 75 40 81')).toBe('Phone: [PHONE_1]');
    });

    it('treats one number written two ways as one value', () => {
      expect(redacted('415-555-0132 or +1 415 555 0132')).toBe('[PHONE_1] or [PHONE_1]');
    });

    it('numbers different values separately', () => {
      expect(redacted('home 415-555-0132, work 212-555-0198')).toBe('home [PHONE_1], work [PHONE_2]');
    });
  });

  describe('payment cards', () => {
    it('replaces a card number written in groups of four', () => {
      expect(redacted('charge it to 4111 1111 1111 1111 please')).toBe('charge it to [CARD_1] please');
    });

    it('replaces a card number written with dashes', () => {
      expect(redacted('card: 5555-5555-5555-4444')).toBe('card: [CARD_1]');
    });

    it('leaves a 16-digit number that fails the Luhn check', () => {
      expect(redacted('card: 4111 1111 1111 1112')).toBe('card: 4111 1111 1111 1112');
    });
  });

  describe('IBANs', () => {
    it('replaces a spaced IBAN without taking the next word', () => {
      expect(redacted('refund to GB82 WEST 1234 5698 7654 32 asap')).toBe('refund to [IBAN_1] asap');
    });

    it('leaves an IBAN-shaped string that fails the mod-97 check', () => {
      expect(redacted('refund to GB82WEST12345698765433')).toBe('refund to GB82WEST12345698765433');
    });
  });

  describe('US social security numbers', () => {
    it('replaces a dashed SSN', () => {
      expect(redacted('my SSN is 123-45-6789')).toBe('my SSN is [SSN_1]');
    });

    it('replaces nine bare digits the customer calls an SSN', () => {
      expect(redacted('social security number: 123456789')).toBe('social security number: [SSN_1]');
    });

    it('leaves SSN-shaped numbers that are never issued', () => {
      expect(redacted('ref 000-12-3456 and 666-12-3456')).toBe('ref 000-12-3456 and 666-12-3456');
    });
  });

  describe('ID documents', () => {
    it('replaces a number the customer names as their driver’s licence', () => {
      expect(redacted("my driver's license number is F162823540116")).toBe("my driver's license number is [GOV_ID_1]");
    });

    it('replaces a passport number', () => {
      expect(redacted('passport no. X12345678, booking ref AB12CD')).toBe('passport no. [GOV_ID_1], booking ref AB12CD');
    });

    it('leaves a licence key with too few digits alone', () => {
      expect(redacted('my license is ABCDE-FGH12')).toBe('my license is ABCDE-FGH12');
    });
  });

  describe('IP addresses', () => {
    it('replaces an IPv4 address at the end of a sentence', () => {
      expect(redacted('I keep getting blocked from 203.0.113.42.')).toBe('I keep getting blocked from [IP_1].');
    });
  });

  describe('text that is not personal data', () => {
    it('leaves a 7-digit order number alone', () => {
      expect(redacted('order 9000001 has not arrived, can you call me about it')).toBe('order 9000001 has not arrived, can you call me about it');
    });

    it('leaves an order number that would be a valid US phone number alone', () => {
      expect(redacted('my order number is 4155550132')).toBe('my order number is 4155550132');
    });

    it('leaves an order id, a price, a date, a quantity and a zip code alone', () => {
      const message = 'Order #W9000001: 3 x $49.99 on 2024-03-15, shipped to zip 94103-1234';
      expect(redactor.redact(message)).toEqual({ text: message, vault: expect.any(PiiVault), entities: [] });
    });

    it('leaves a US date and a time alone', () => {
      expect(redacted('it was delivered 03/15/2024 at 10:45')).toBe('it was delivered 03/15/2024 at 10:45');
    });

    it('leaves a Luhn-valid tracking number alone when it is labelled as one', () => {
      expect(redacted('tracking number 4111111111111111')).toBe('tracking number 4111111111111111');
    });

    it('leaves a software version alone', () => {
      expect(redacted('the app is on version 2.14.3')).toBe('the app is on version 2.14.3');
    });
  });

  it('reports each entity with its type and offsets in the original text', () => {
    const message = 'email a@b.io or call 415-555-0132';
    expect(redactor.redact(message).entities).toEqual([
      { type: 'EMAIL', start: 6, end: 12 },
      { type: 'PHONE', start: 21, end: 33 },
    ]);
  });

  it('reuses the placeholders of earlier messages in the same conversation', () => {
    const { vault } = redactor.redact('my email is jane@example.com');
    expect(redactor.redact('new email: joe@example.com, old one jane@example.com', vault).text).toBe('new email: [EMAIL_2], old one [EMAIL_1]');
  });
});
