import { Attachment, InboundMessage, MAX_MESSAGE_LENGTH } from '@support/conversation';
import type { ParsedMail } from 'mailparser';
import { firstAddress } from './email-headers';
import { EmailThreadHeaders, referencedIds } from './email-thread';
import { htmlToVisibleText, visibleReplyText } from './quoted-reply.stripper';

export interface EmailInbound {
  message: InboundMessage;
  /** Where answers go: Reply-To if the sender set one, else From. */
  replyTo: string;
  thread: EmailThreadHeaders;
}

export interface EmailMapOptions {
  thread: EmailThreadHeaders;
  /** Used as the channel message id when the mail has no Message-ID (some scripts send none). */
  fallbackMessageId: string;
  /** The conversation an earlier mail of this thread belongs to, if one was found. */
  conversationId?: string;
}

/**
 * A parsed customer mail as the one inbound model: the sender's address is the identity, the
 * text is what they wrote (no quoted history, no signature), the Message-ID dedups redelivery.
 *
 * `verified: true` means "the mail came from this address", as the channel can tell. Sender
 * addresses can be forged; the mailbox provider's SPF/DKIM/DMARC checks are what make this
 * trustworthy, so run the support mailbox at a provider that rejects or quarantines failures.
 */
export function toEmailInbound(mail: ParsedMail, options: EmailMapOptions): EmailInbound | null {
  const sender = firstAddress(mail.from);
  if (!sender) return null;
  const body = mail.text?.trim() ? visibleReplyText(mail.text) : mail.html ? htmlToVisibleText(mail.html) : '';
  const attachments = attachmentsOf(mail, options.thread.messageId ?? options.fallbackMessageId);
  const text = cutToMessageLength(withSubject(body, options.thread));
  if (!text.trim() && !attachments.length) return null;
  return {
    message: {
      channel: 'email',
      from: { kind: 'email', address: sender.address, verified: true },
      profile: { ...(sender.name ? { name: sender.name } : {}), email: sender.address },
      text,
      attachments,
      channelMessageId: options.thread.messageId ?? options.fallbackMessageId,
      conversationId: options.conversationId,
    },
    replyTo: firstAddress(mail.replyTo)?.address ?? sender.address,
    thread: options.thread,
  };
}

/** A new thread's subject often is the question ("Where is my order W123?"); a reply's subject adds nothing. */
function withSubject(body: string, thread: EmailThreadHeaders): string {
  const subject = thread.subject.trim();
  const isReply = referencedIds(thread).length > 0 || /^\s*(re|aw|sv)\s*:/i.test(subject);
  if (!subject || isReply || body.toLowerCase().startsWith(subject.toLowerCase())) return body;
  return body ? `${subject}\n\n${body}` : subject;
}

/** Attachments are kept by reference (RFC 2392 `mid:` URL); the bytes stay in the mailbox. */
function attachmentsOf(mail: ParsedMail, messageId: string): Attachment[] {
  const mid = encodeURIComponent(messageId.replace(/^<|>$/g, ''));
  return mail.attachments
    .filter((a) => a.contentDisposition !== 'inline' || !a.related)
    .map((a, i) => ({
      url: `mid:${mid}/${encodeURIComponent(a.contentId?.replace(/^<|>$/g, '') ?? a.filename ?? `part-${i + 1}`)}`,
      contentType: a.contentType,
      ...(a.filename ? { name: a.filename } : {}),
    }));
}

/**
 * A long mail is cut at its last line break (or space) before the limit: a cut inside an email address or card
 * number would leave a piece the redactor no longer recognises, and that piece would reach the model.
 */
function cutToMessageLength(text: string): string {
  if (text.length <= MAX_MESSAGE_LENGTH) return text;
  const cut = text.slice(0, MAX_MESSAGE_LENGTH);
  const lineBreak = cut.lastIndexOf('\n');
  if (lineBreak > MAX_MESSAGE_LENGTH / 2) return cut.slice(0, lineBreak).trimEnd();
  const space = cut.search(/\s\S*$/);
  return space > MAX_MESSAGE_LENGTH / 2 ? cut.slice(0, space) : cut;
}
