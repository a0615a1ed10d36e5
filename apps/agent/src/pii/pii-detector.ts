import { PiiMatch } from './pii-entity';

/** Finds one kind of personal data in a text. Matches may overlap those of other detectors; the redactor settles that. */
export interface PiiDetector {
  detect(text: string): PiiMatch[];
}
