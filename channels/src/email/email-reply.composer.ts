import { EmailThreadHeaders, replySubject, replyThreading } from './email-thread';
import { OutboundEmail, escapeHtml, newMessageId, textToHtml } from './outbound-email';
import { REPLY_MARKER } from './reply-marker';

export interface EmailReplyInput {
  /** The support address, e.g. `Acme Support <support@acme.example>`. */
  from: string;
  to: string;
  /** The customer's mail being answered. */
  parent: EmailThreadHeaders;
  text: string;
  /** RFC 3834 `Auto-Submitted: auto-replied`: well-behaved autoresponders then do not answer the bot. */
  automatic: boolean;
}

/** A threaded answer: In-Reply-To and References of the parent, "Re:" subject, text and HTML parts. */
export function composeEmailReply(input: EmailReplyInput): OutboundEmail {
  const threading = replyThreading(input.parent);
  return {
    messageId: newMessageId(input.from),
    from: input.from,
    to: input.to,
    subject: replySubject(input.parent.subject),
    text: `${REPLY_MARKER}\n\n${input.text.trim()}\n`,
    html: [
      '<!doctype html><html><body>',
      `<div style="color:#888;font-size:12px">${escapeHtml(REPLY_MARKER)}</div>`,
      textToHtml(input.text),
      '</body></html>',
    ].join('\n'),
    ...(threading.inReplyTo ? { inReplyTo: threading.inReplyTo } : {}),
    references: threading.references,
    headers: input.automatic ? { 'Auto-Submitted': 'auto-replied' } : {},
  };
}
