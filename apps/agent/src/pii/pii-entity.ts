/** The kinds of personal data we take out of text before it reaches a model provider. */
export type PiiType = 'EMAIL' | 'PHONE' | 'CARD' | 'IBAN' | 'SSN' | 'GOV_ID' | 'IP';

/** Where a piece of personal data sits in the text that was redacted: `start` inclusive, `end` exclusive, UTF-16 offsets. */
export interface PiiEntity {
  type: PiiType;
  start: number;
  end: number;
}

/** A detector's finding: the entity, the text it covers, and a normalised form so one value written two ways is one value. */
export interface PiiMatch extends PiiEntity {
  value: string;
  normalised: string;
}
