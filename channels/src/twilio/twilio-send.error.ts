import { ChannelError } from '@support/platform';

/**
 * What a failed send means for the customer: `refused` (Twilio answered no, nothing went out),
 * `unreached` (the request never reached Twilio) or `unknown` (the request went out and no
 * clear answer came back: Twilio may have accepted it, so sending again could text twice).
 */
export type SendFailureKind = 'refused' | 'unreached' | 'unknown';

/** Twilio refused a message, or its answer never came: its error code (21610 opted out, 63016 WhatsApp window, ...) and HTTP status. */
export class TwilioSendError extends ChannelError {
  constructor(
    channel: string,
    message: string,
    readonly code: number | null,
    readonly status: number | null,
    retryable: boolean,
    readonly kind: SendFailureKind = 'refused',
  ) {
    super(channel, message, retryable);
  }
}

// The connection was never made, so no request reached Twilio (Node's and axios's error codes).
const UNREACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL']);

/** Reads what the SDK threw: a RestException (HTTP answer) or an axios error (timeout, reset, refused). */
export function toSendError(channel: string, error: unknown): TwilioSendError {
  const { status, code, message } = (error ?? {}) as { status?: number; code?: number | string; message?: string };
  const twilioCode = typeof code === 'number' ? code : null;
  if (typeof status === 'number') {
    const detail = `Twilio answered HTTP ${status}, code ${twilioCode ?? 'none'}: ${message ?? ''}`.trim();
    // A 5xx may come after Twilio queued the message.
    if (status >= 500) return new TwilioSendError(channel, detail, twilioCode, status, true, 'unknown');
    return new TwilioSendError(channel, detail, twilioCode, status, status === 429 || twilioCode === 20429, 'refused');
  }
  const reason = `${typeof code === 'string' ? `${code}: ` : ''}${message ?? String(error)}`;
  if (typeof code === 'string' && UNREACHED.has(code))
    return new TwilioSendError(channel, `Twilio could not be reached (${reason})`, null, null, true, 'unreached');
  // Timeout, connection reset, socket hang up: the request may have been read and acted on.
  return new TwilioSendError(channel, `No answer from Twilio (${reason})`, null, null, true, 'unknown');
}
