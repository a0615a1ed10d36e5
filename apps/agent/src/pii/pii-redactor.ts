import { normaliseDisguisedText } from './disguised-digits.normaliser';
import { EmailDetector } from './email.detector';
import { IbanDetector } from './iban.detector';
import { IdDocumentDetector } from './id-document.detector';
import { IpAddressDetector } from './ip-address.detector';
import { PaymentCardDetector } from './payment-card.detector';
import { PhoneDetector } from './phone.detector';
import { PiiDetector } from './pii-detector';
import { PiiEntity, PiiMatch } from './pii-entity';
import { PiiVault } from './pii-vault';
import { UsSsnDetector } from './us-ssn.detector';

export interface PiiRedaction {
  /** The input with each piece of personal data replaced by its placeholder, e.g. "[EMAIL_1]". */
  text: string;
  /** The vault passed in (now holding any new values), or a new one. */
  vault: PiiVault;
  /** What was found, in order, with offsets into the input text. */
  entities: PiiEntity[];
}

/** Earlier detectors win when two find the same stretch of text with the same length. */
export function defaultPiiDetectors(): PiiDetector[] {
  return [
    new EmailDetector(),
    new IbanDetector(),
    new PaymentCardDetector(),
    new UsSsnDetector(),
    new IdDocumentDetector(),
    new IpAddressDetector(),
    new PhoneDetector('US'),
  ];
}

/** Replaces emails, phone numbers, card numbers, IBANs, US SSNs, named ID document numbers and IP addresses with placeholders before text leaves for a model provider. */
export class PiiRedactor {
  constructor(private readonly detectors: PiiDetector[] = defaultPiiDetectors()) {}

  redact(text: string, vault: PiiVault = new PiiVault()): PiiRedaction {
    const matches = this.nonOverlappingMatches(text);
    let redacted = '';
    let cursor = 0;
    for (const match of matches) {
      redacted += text.slice(cursor, match.start) + vault.placeholderFor(match.type, match.value, match.normalised);
      cursor = match.end;
    }
    redacted += text.slice(cursor);
    return { text: redacted, vault, entities: matches.map(({ type, start, end }) => ({ type, start, end })) };
  }

  /**
   * Detectors read the text with its disguises undone (full-width digits, invisible characters); each finding is
   * mapped back so the placeholder covers the characters the customer wrote. Where findings overlap, the longest
   * wins: a spaced IBAN beats the card-like digits inside it.
   */
  private nonOverlappingMatches(text: string): PiiMatch[] {
    const readable = normaliseDisguisedText(text);
    const ranked = this.detectors.flatMap((detector, rank) => detector.detect(readable.text).map((match) => ({ match, rank })));
    ranked.sort((a, b) => b.match.end - b.match.start - (a.match.end - a.match.start) || a.rank - b.rank);
    const kept: PiiMatch[] = [];
    for (const { match } of ranked) {
      if (!kept.some((other) => other.start < match.end && match.start < other.end)) kept.push(match);
    }
    return kept
      .map((match) => {
        const { start, end } = readable.toOriginal(match.start, match.end);
        return { ...match, start, end, value: text.slice(start, end) };
      })
      .sort((a, b) => a.start - b.start);
  }
}
