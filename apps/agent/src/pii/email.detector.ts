import { PiiDetector } from './pii-detector';
import { PiiMatch } from './pii-entity';

const EMAIL =
  /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,24}(?![\w-])/g;

export class EmailDetector implements PiiDetector {
  detect(text: string): PiiMatch[] {
    return Array.from(text.matchAll(EMAIL), (match) => ({
      type: 'EMAIL' as const,
      start: match.index,
      end: match.index + match[0].length,
      value: match[0],
      normalised: match[0].toLowerCase(),
    }));
  }
}
