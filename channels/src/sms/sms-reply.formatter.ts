import { cutAtSentence } from '../twilio/sentence-cut';
import { countSmsSegments } from './sms-segments';

// Look-alikes that would switch a whole reply to UCS-2 (70 characters a segment) for nothing.
const GSM_LOOKALIKES: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u2033]/g, '"'],
  [/[\u2013\u2014\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00A0\u2007\u202F]/g, ' '],
  [/\u2022/g, '-'],
];

/** Markdown the model may write, as plain text a phone shows as is. */
export function toPlainSmsText(text: string): string {
  let plain = text
    .replace(/\r\n/g, '\n')
    .replace(/```[a-z]*\n?([\s\S]*?)```/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\((\S+?)\)/g, '$1 ($2)')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?!\s)([^*\n]+?)\*(?!\w)/g, '$1$2')
    .replace(/^\s*[*+]\s+/gm, '- ')
    .replace(/\n{3,}/g, '\n\n');
  for (const [pattern, replacement] of GSM_LOOKALIKES) plain = plain.replace(pattern, replacement);
  return plain.trim();
}

/**
 * A reply fitted to SMS: plain text, at most `maxSegments` segments (GSM-7 or UCS-2, whichever
 * the text needs), cut after the last whole sentence that fits.
 */
export function formatSmsReply(text: string, maxSegments: number): string {
  return cutAtSentence(toPlainSmsText(text), (candidate) => countSmsSegments(candidate).segments <= maxSegments);
}
