import { PiiDetector } from './pii-detector';
import { PiiMatch } from './pii-entity';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?!\\.?\\d|\\w)`, 'g');

/** IPv4 addresses, which identify a customer's connection and count as personal data under GDPR. */
export class IpAddressDetector implements PiiDetector {
  detect(text: string): PiiMatch[] {
    return Array.from(text.matchAll(IPV4), (match) => ({
      type: 'IP' as const,
      start: match.index,
      end: match.index + match[0].length,
      value: match[0],
      normalised: match[0],
    }));
  }
}
