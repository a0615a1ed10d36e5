import type { ParsedMail } from 'mailparser';
import { RawHeaders, firstAddress, rawHeaders } from './email-headers';

export interface AutomatedMailVerdict {
  automated: boolean;
  /** Which signal decided it, for the log: `auto-submitted`, `list-id`, `sender:mailer-daemon`, … */
  reason: string | null;
}

export interface AutomatedMailOptions {
  /** The support mailbox's own addresses: mail from them is our own mail coming back. */
  ownAddresses?: string[];
}

/** Local parts of senders that are machines (RFC 3834 §2, RFC 2369 conventions, common practice). */
const MACHINE_SENDER =
  /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|donotreply|noreply-.*|.*-noreply|bounces?|.*-bounces?|bounce-.*|.*-request|owner-.*|.*-owner|listserv|majordomo|.*daemon)(\+.*)?$/i;
/** Subjects that out-of-office and autoresponders put on mail with no header saying so. */
const AUTO_REPLY_SUBJECT =
  /^\s*(auto(matic)?[ -]?(reply|response|respons|antwort)|out of (the )?office|abwesenheitsnotiz|r[ée]ponse automatique|away from (the )?office)\b/i;

/**
 * Decides whether a mail was sent by a machine, so the bot never answers it: auto-replies,
 * bounces (DSN), mailing-list traffic, feedback reports and no-reply senders. Answering any of
 * them risks a mail loop. Signals follow RFC 3834, RFC 2369/2919, RFC 3464 and what Microsoft,
 * Amazon SES and the list managers put on their mail.
 */
export function detectAutomatedMail(mail: ParsedMail, options: AutomatedMailOptions = {}): AutomatedMailVerdict {
  const headers = rawHeaders(mail);
  const reason = headerSignal(headers) ?? senderSignal(mail, headers, options) ?? contentSignal(mail);
  return { automated: reason !== null, reason };
}

function headerSignal(headers: RawHeaders): string | null {
  const first = (name: string) => headers.get(name)?.[0]?.trim().toLowerCase();
  const autoSubmitted = first('auto-submitted');
  if (autoSubmitted && !autoSubmitted.startsWith('no')) return 'auto-submitted';
  if (/^(bulk|junk|list|auto_reply)\b/.test(first('precedence') ?? '')) return 'precedence';
  if ([...headers.keys()].some((name) => name.startsWith('list-'))) return 'list-id';
  if (headers.has('x-autoreply') || headers.has('x-autorespond') || headers.has('x-autoresponder')) return 'x-autoreply';
  if (/\b(all|autoreply|oof|dr|ndr|rn|nrn)\b/.test(first('x-auto-response-suppress') ?? '')) return 'x-auto-response-suppress';
  if (headers.has('feedback-id') || headers.has('x-ses-outgoing') || headers.has('x-campaign-id')) return 'bulk-sender';
  if (headers.has('x-failed-recipients')) return 'bounce';
  const returnPath = headers.get('return-path')?.[0];
  if (returnPath !== undefined && /^<\s*>$/.test(returnPath.trim())) return 'null-return-path';
  return null;
}

function senderSignal(mail: ParsedMail, headers: RawHeaders, options: AutomatedMailOptions): string | null {
  const from = firstAddress(mail.from)?.address;
  if (!from) return 'no-sender';
  const own = (options.ownAddresses ?? []).map((a) => a.toLowerCase());
  if (own.includes(from)) return 'own-address';
  const loops = headers.get('x-loop') ?? [];
  if (own.some((address) => loops.some((loop) => loop.toLowerCase().includes(address)))) return 'x-loop';
  const senders = [from, ...(headers.get('sender') ?? []), ...(headers.get('return-path') ?? [])];
  for (const sender of senders) {
    const local = sender.replace(/^.*</, '').replace(/>.*$/, '').split('@')[0].trim();
    if (local && MACHINE_SENDER.test(local)) return `sender:${local.toLowerCase()}`;
  }
  return null;
}

function contentSignal(mail: ParsedMail): string | null {
  const contentType = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (contentType?.value?.toLowerCase() === 'multipart/report') return `report:${contentType.params?.['report-type'] ?? 'unknown'}`;
  if (AUTO_REPLY_SUBJECT.test(mail.subject ?? '')) return 'auto-reply-subject';
  return null;
}
