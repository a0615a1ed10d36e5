import { gsm7Septets } from './gsm7.charset';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegmentCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
}

// One message carries 160 septets / 70 UCS-2 units; concatenated parts lose 7 bytes to the UDH.
const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

/** How many SMS segments `text` costs, as carriers count them. */
export function countSmsSegments(text: string): SmsSegmentCount {
  let septets = 0;
  for (const char of text) {
    const cost = gsm7Septets(char);
    if (cost === null) return count('UCS-2', text.length);
    septets += cost;
  }
  return count('GSM-7', septets);
}

function count(encoding: SmsEncoding, units: number): SmsSegmentCount {
  const { single, part } = LIMITS[encoding];
  return { encoding, units, segments: units === 0 ? 1 : units <= single ? 1 : Math.ceil(units / part) };
}
