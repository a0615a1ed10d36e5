import { PiiRedactor } from './pii-redactor';
import { PiiVault } from './pii-vault';

describe(PiiVault.name, () => {
  const redactor = new PiiRedactor();

  it('puts the customer’s email back into the model’s reply', () => {
    const { vault } = redactor.redact('please send the label to Jane.Doe@example.com');
    expect(vault.restore("We'll email you at [EMAIL_1] within the hour.")).toBe("We'll email you at Jane.Doe@example.com within the hour.");
  });

  it('restores a value exactly as the customer wrote it', () => {
    const { vault } = redactor.redact('text me on (415) 555-0132');
    expect(vault.restore('We will text [PHONE_1].')).toBe('We will text (415) 555-0132.');
  });

  it('restores every placeholder in a reply', () => {
    const { vault } = redactor.redact('card 4111 1111 1111 1111, email jane@example.com');
    expect(vault.restore('[CARD_1] is on file for [EMAIL_1]; receipts go to [EMAIL_1].')).toBe(
      '4111 1111 1111 1111 is on file for jane@example.com; receipts go to jane@example.com.',
    );
  });

  it('restores a placeholder whose type has an underscore', () => {
    const { vault } = redactor.redact('passport number X12345678');
    expect(vault.restore('We have passport [GOV_ID_1] on file.')).toBe('We have passport X12345678 on file.');
  });

  it('leaves placeholders it never issued as they are', () => {
    const { vault } = redactor.redact('jane@example.com');
    expect(vault.restore('[EMAIL_2] and [NAME_1] and [sic]')).toBe('[EMAIL_2] and [NAME_1] and [sic]');
  });

  it('survives a round trip through JSON storage', () => {
    const { vault } = redactor.redact('jane@example.com, 415-555-0132');
    const stored = PiiVault.fromJSON(JSON.parse(JSON.stringify(vault)));
    expect(stored.restore('[EMAIL_1] / [PHONE_1]')).toBe('jane@example.com / 415-555-0132');
  });

  it('keeps numbering from where it was after being restored from JSON', () => {
    const { vault } = redactor.redact('jane@example.com');
    const stored = PiiVault.fromJSON(JSON.parse(JSON.stringify(vault)));
    expect(redactor.redact('joe@example.com or jane@example.com', stored).text).toBe('[EMAIL_2] or [EMAIL_1]');
  });
});
