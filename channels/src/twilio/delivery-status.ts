import { ValidationError } from '@support/platform';
import { TwilioWebhookParams, field, requiredField } from './twilio-webhook.params';

/** Twilio's MessageStatus values (twilio 6.2.0 `MessageStatus`). */
export type TwilioMessageStatus =
  | 'accepted'
  | 'scheduled'
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'read'
  | 'undelivered'
  | 'failed'
  | 'partially_delivered'
  | 'canceled'
  | 'receiving'
  | 'received';

/**
 * Our own states before Twilio has the message: `pending` (to be sent, at `next_attempt_at`),
 * `submitting` (the request is on its way), `unknown` (the request went out but no answer came
 * back: Twilio may or may not have it), `not_sent` (deliberately not sent, reason on the row).
 */
export type LocalDeliveryStatus = 'pending' | 'submitting' | 'unknown' | 'not_sent';

export type DeliveryStatus = TwilioMessageStatus | LocalDeliveryStatus;

// Callbacks arrive out of order and more than once: a status only ever moves forward.
const TWILIO_RANK: Record<TwilioMessageStatus, number> = {
  accepted: 1,
  scheduled: 1,
  queued: 2,
  sending: 3,
  sent: 4,
  receiving: 4,
  received: 5,
  partially_delivered: 5,
  delivered: 6,
  undelivered: 6,
  failed: 6,
  canceled: 6,
  read: 7,
};
const RANK: Record<DeliveryStatus, number> = { pending: 0, submitting: 0, unknown: 0, not_sent: 0, ...TWILIO_RANK };

export function isDeliveryStatus(value: string): value is DeliveryStatus {
  return value in RANK;
}

export function isTwilioMessageStatus(value: string): value is TwilioMessageStatus {
  return value in TWILIO_RANK;
}

export function movesForward(current: DeliveryStatus, next: DeliveryStatus): boolean {
  return RANK[next] > RANK[current];
}

export function isFailure(status: DeliveryStatus): boolean {
  return status === 'failed' || status === 'undelivered';
}

/**
 * Temporary failures worth sending again: 30001 queue overflow, 30003 unreachable handset
 * (switched off, out of coverage), 30008 unknown carrier error, 20429/HTTP 429 rate limited.
 * Never retried: opted out (21610), undeliverable or landline numbers (30005, 30006),
 * carrier filtering (30007), WhatsApp window or template errors (63016, 63021).
 */
const RETRYABLE_CODES = new Set([30001, 30003, 30008, 20429]);

export function isRetryableFailure(errorCode: number | null): boolean {
  return errorCode !== null && RETRYABLE_CODES.has(errorCode);
}

export interface StatusCallback {
  messageSid: string;
  status: TwilioMessageStatus;
  errorCode: number | null;
  errorMessage: string | null;
  /** Our delivery id, from the StatusCallback URL (`?delivery=`): ties a send whose answer never came to its message. */
  deliveryId: string | null;
}

/** Reads a status-callback webhook; `deliveryId` is the `delivery` query parameter of the URL Twilio called. */
export function toStatusCallback(params: TwilioWebhookParams, deliveryId: string | null = null): StatusCallback {
  const messageSid = requiredField(params, 'MessageSid');
  const status = (field(params, 'MessageStatus') ?? field(params, 'SmsStatus') ?? '').trim();
  if (!isTwilioMessageStatus(status)) throw new ValidationError('MessageStatus is missing or not a Twilio message status.');
  const code = field(params, 'ErrorCode');
  return { messageSid, status, errorCode: code && /^\d+$/.test(code) ? Number(code) : null, errorMessage: field(params, 'ErrorMessage') ?? null, deliveryId };
}
