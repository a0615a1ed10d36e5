import { Channel } from '@support/conversation';
import { WaitingCall, toWaitingCall } from '../calls/waiting-call';
import { InboxRow } from '../handling/conversation-state.adapter';

/** One row of the inbox, as the page shows it. */
export interface InboxItem {
  conversationId: string;
  channel: Channel;
  status: 'waiting_for_human' | 'with_human';
  reason: string | null;
  customer: string;
  sentiment: { trend: number; label: SentimentLabel };
  /** The summary's first line about the request (its "Customer:" line repeats the customer column). */
  summaryLine: string | null;
  waitingSince: string;
  /** `email` is the assignee's id when it is not a workspace account (the bearer-token API, a team mailbox). */
  assignee: { id: string; email: string } | null;
  /** A voice conversation's call in the Twilio queue: its place in line and time waited, or how it ended. */
  call: WaitingCall | null;
}

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

/** The trend is an exponentially weighted mood in [-1, 1]; ±0.25 is where a reader notices a change of tone. */
export function sentimentLabel(trend: number): SentimentLabel {
  return trend <= -0.25 ? 'negative' : trend >= 0.25 ? 'positive' : 'neutral';
}

export function toInboxItem(row: InboxRow): InboxItem {
  return {
    conversationId: row.conversation_id,
    channel: row.channel,
    status: row.status,
    reason: row.reason,
    customer: row.customer_name ?? row.customer_email ?? row.customer_address ?? (row.channel === 'web' ? 'Web chat visitor' : 'Unknown customer'),
    sentiment: { trend: Number(row.sentiment_trend), label: sentimentLabel(Number(row.sentiment_trend)) },
    summaryLine: summaryLine(row.summary),
    waitingSince: new Date(row.waiting_since).toISOString(),
    assignee: row.assignee_id ? { id: row.assignee_id, email: row.assignee_email ?? row.assignee_id } : null,
    call: toWaitingCall(row),
  };
}

/** The router's annotation ("[route faq, confidence 0.80]") is for the conversation view, not a list. */
function summaryLine(summary: string | null): string | null {
  const lines = (summary ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const line = lines.find((l) => !/^customer:/i.test(l)) ?? lines[0];
  return line ? line.replace(/\s*\[route [^\]]*\]/, '') : null;
}
