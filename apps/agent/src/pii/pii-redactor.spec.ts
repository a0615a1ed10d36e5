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

    it('replaces a UK mobile written without its country code', () => {
      expect(redacted('text me on 07700 900123 later')).toBe('text me on [PHONE_1] later');
    });

    it('replaces a short local number the customer calls their phone', () => {
      expect(redacted('my phone is 467 3395')).toBe('my phone is [PHONE_1]');
    });

    it('replaces a number split over two lines', () => {
      expect(redacted('mobile: 555-867-\n5309')).toBe('mobile: [PHONE_1]');
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

    it('replaces an Amex number in its 4-6-5 grouping', () => {
      expect(redacted('amex 3782 822463 10005')).toBe('amex [CARD_1]');
    });

    it('replaces a 12-digit Maestro number', () => {
      expect(redacted('maestro 6759 6498 2648')).toBe('maestro [CARD_1]');
    });

    it('replaces a card number without the quantity written after it', () => {
      expect(redacted('charge 4111 1111 1111 1111 2 items')).toBe('charge [CARD_1] 2 items');
    });

    it('leaves a 16-digit number that fails the Luhn check', () => {
      expect(redacted('card: 4111 1111 1111 1112')).toBe('card: 4111 1111 1111 1112');
    });
  });

  describe('IBANs', () => {
    it('replaces a spaced IBAN without taking the next word', () => {
      expect(redacted('refund to GB82 WEST 1234 5698 7654 32 asap')).toBe('refund to [IBAN_1] asap');
    });

    it('replaces an IBAN written with dashes', () => {
      expect(redacted('IBAN DE89-3704-0044-0532-0130-00, thanks')).toBe('IBAN [IBAN_1], thanks');
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

    it('leaves a ZIP+4 code alone', () => {
      expect(redacted('ship to 94103-1234 please')).toBe('ship to 94103-1234 please');
    });

    it('leaves a street address that starts with two numbers alone', () => {
      expect(redacted('I live at 370 3911 Fourth Avenue')).toBe('I live at 370 3911 Fourth Avenue');
    });

    it('leaves a list of sizes alone', () => {
      expect(redacted('sizes 38 39 40 41 are out of stock')).toBe('sizes 38 39 40 41 are out of stock');
    });

    it('leaves a software version alone', () => {
      expect(redacted('the app is on version 2.14.3')).toBe('the app is on version 2.14.3');
    });
  });

  describe('disguised numbers', () => {
    it('hides a phone number written in full-width digits', () => {
      expect(redacted('my number is ５５５－８６７－５３０９')).toBe('my number is [PHONE_1]');
    });

    it('hides the zero-width characters inside a number along with its digits', () => {
      expect(redacted('card 4111\u200B1111\u200B1111\u200B1111 please')).toBe('card [CARD_1] please');
    });

    it('gives back the number as the customer typed it', () => {
      const redaction = redactor.redact('call 555\u200B867\u200B5309');
      expect(redaction.vault.restore(redaction.text)).toBe('call 555\u200B867\u200B5309');
    });

    it('treats a disguised number and the plain one as one value', () => {
      expect(redacted('５５５.８６７.５３０９ or 555-867-5309')).toBe('[PHONE_1] or [PHONE_1]');
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
