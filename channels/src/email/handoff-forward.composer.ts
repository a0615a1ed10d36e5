import { EmailThreadHeaders } from './email-thread';
import { OutboundEmail, escapeHtml, newMessageId, textToHtml } from './outbound-email';

export interface HandoffForwardInput {
  from: string;
  /** The team's handoff address (HANDOFF_EMAIL). */
  to: string;
  customer: { address: string; name?: string | null };
  thread: EmailThreadHeaders;
  reason: string;
  summary: string;
  transcript: Array<{ author: string; text: string }>;
  /** The customer's mail exactly as received, attached as message/rfc822. */
  original: Buffer;
  /** True for a customer's later mail on a thread a person already has. */
  followUp: boolean;
}

/**
 * The thread for a person: the AI summary on top, the conversation so far, the customer's mail
 * attached unchanged. Reply-To is the customer, so hitting "Reply" answers them directly.
 */
export function composeHandoffForward(input: HandoffForwardInput): OutboundEmail {
  const who = input.customer.name ? `${input.customer.name} <${input.customer.address}>` : input.customer.address;
  const heading = input.followUp ? `New message from ${who} on a thread waiting for a person` : `Handoff (${input.reason}): ${who}`;
  const transcript = input.transcript.map((m) => `[${m.author}]\n${m.text.trim()}`).join('\n\n');
  const text = [
    heading,
    '',
    'Summary',
    '-------',
    input.summary.trim(),
    '',
    'Reply to this mail to answer the customer directly; the bot stays silent on this thread.',
    '',
    'Conversation',
    '------------',
    transcript,
    '',
  ].join('\n');
  const html = [
    '<!doctype html><html><body>',
    `<h3>${escapeHtml(heading)}</h3>`,
    `<h4>Summary</h4>${textToHtml(input.summary)}`,
    '<p><em>Reply to this mail to answer the customer directly; the bot stays silent on this thread.</em></p>',
    '<h4>Conversation</h4>',
    ...input.transcript.map((m) => `<p><strong>${escapeHtml(m.author)}</strong></p>${textToHtml(m.text)}`),
    '</body></html>',
  ].join('\n');
  return {
    messageId: newMessageId(input.from),
    from: input.from,
    to: input.to,
    replyTo: input.customer.address,
    subject: `[${input.followUp ? 'Follow-up' : 'Handoff'}] ${input.thread.subject || '(no subject)'}`,
    text,
    html,
    headers: { 'Auto-Submitted': 'auto-generated' },
    attachments: [{ filename: 'original.eml', contentType: 'message/rfc822', content: input.original }],
  };
}
