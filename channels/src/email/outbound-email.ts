import { newId } from '@support/platform';

/** One mail to send, complete: what the SMTP sender hands to the wire, and what the outbox stores. */
export interface OutboundEmail {
  /** Set before sending, so a retried send carries the same id and threads the same way. */
  messageId: string;
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  attachments?: OutboundAttachment[];
}

export interface OutboundAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A Message-ID on the support address's own domain. */
export function newMessageId(fromAddress: string): string {
  const domain = fromAddress.replace(/^.*</, '').replace(/>.*$/, '').split('@')[1]?.trim() || 'localhost';
  return `<${newId('mail')}@${domain}>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Paragraphs and line breaks of plain text as simple HTML, links clickable. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map(
      (paragraph) =>
        `<p>${escapeHtml(paragraph)
          .replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)
          .replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n');
}
