import { DeliveryStatus } from './delivery-status';

/** Why a message went out: the bot's answer, a person's reply, a rate-limit notice, a keyword answer. */
export type DeliveryPurpose = 'reply' | 'human' | 'notice' | 'keyword' | 'media' | 'rating';

/** One outbound SMS or WhatsApp message (one attempt at it) and what Twilio said about it. */
export interface Delivery {
  id: string;
  channel: 'sms' | 'whatsapp';
  conversationId: string | null;
  replyToMessageId: string | null;
  purpose: DeliveryPurpose;
  toAddress: string;
  /** The `From` number or Messaging Service SID it is sent from. */
  sender: string | null;
  body: string;
  messageSid: string | null;
  status: DeliveryStatus;
  errorCode: number | null;
  errorMessage: string | null;
  attempt: number;
  retryOf: string | null;
  /** When a pending send is due, or when an unknown one is looked up next. */
  nextAttemptAt: Date | null;
  /** When the request to Twilio went out. */
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DeliveryRow {
  id: string;
  channel: Delivery['channel'];
  conversation_id: string | null;
  reply_to_message_id: string | null;
  purpose: DeliveryPurpose;
  to_address: string;
  sender: string | null;
  body: string;
  message_sid: string | null;
  status: DeliveryStatus;
  error_code: number | null;
  error_message: string | null;
  attempt: number;
  retry_of: string | null;
  next_attempt_at: Date | string | null;
  submitted_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const date = (value: Date | string | null) => (value === null ? null : new Date(value));

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    channel: row.channel,
    conversationId: row.conversation_id,
    replyToMessageId: row.reply_to_message_id,
    purpose: row.purpose,
    toAddress: row.to_address,
    sender: row.sender,
    body: row.body,
    messageSid: row.message_sid,
    status: row.status,
    errorCode: row.error_code === null ? null : Number(row.error_code),
    errorMessage: row.error_message,
    attempt: Number(row.attempt),
    retryOf: row.retry_of,
    nextAttemptAt: date(row.next_attempt_at),
    submittedAt: date(row.submitted_at),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
