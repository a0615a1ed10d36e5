import type { ParsedMail } from 'mailparser';
import { messageIdsIn, rawHeaders } from './email-headers';

/** The RFC 5322 §3.6.4 identity of one mail in a thread. */
export interface EmailThreadHeaders {
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  subject: string;
}

export function threadHeadersOf(mail: ParsedMail): EmailThreadHeaders {
  const headers = rawHeaders(mail);
  return {
    messageId: messageIdsIn(headers.get('message-id'))[0] ?? null,
    inReplyTo: messageIdsIn(headers.get('in-reply-to')),
    references: messageIdsIn(headers.get('references')),
    subject: mail.subject?.trim() ?? '',
  };
}

/** Ids of earlier mails this one answers, the closest first: In-Reply-To, then References newest first. */
export function referencedIds(thread: EmailThreadHeaders): string[] {
  return [...new Set([...thread.inReplyTo, ...[...thread.references].reverse()])];
}

/** In-Reply-To and References for an answer to `parent` (RFC 5322 §3.6.4). */
export function replyThreading(parent: EmailThreadHeaders): { inReplyTo?: string; references: string[] } {
  if (!parent.messageId) return { references: [] };
  const ancestors = parent.references.length ? parent.references : parent.inReplyTo.slice(0, 1);
  // Long threads: keep the root and the most recent ids, as RFC 5322 allows, so headers stay short.
  const references = [...new Set([...ancestors, parent.messageId])];
  return { inReplyTo: parent.messageId, references: references.length > 20 ? [references[0], ...references.slice(-19)] : references };
}

/** "Re: <subject>", never "Re: Re: …" (also for "RE:", "Aw:", "Sv:" and "Re[2]:" prefixes). */
export function replySubject(subject: string): string {
  const bare = subject.replace(/^\s*((re|aw|sv|antw|fwd?|wg)(\[\d+\])?\s*:\s*)+/i, '').trim();
  return `Re: ${bare || 'Your message'}`;
}
