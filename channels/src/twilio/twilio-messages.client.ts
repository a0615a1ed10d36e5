import twilio from 'twilio';
import { ChannelError } from '@support/platform';
import { BaseUrlRequestClient } from './base-url.request-client';

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
  /** Default https://api.twilio.com. */
  apiBaseUrl?: string;
}

export interface OutboundTwilioMessage {
  /** `+E164` or `whatsapp:+E164`. */
  to: string;
  /** One of `from` and `messagingServiceSid`. */
  from?: string;
  messagingServiceSid?: string;
  body: string;
  statusCallback?: string;
}

export interface CreatedTwilioMessage {
  sid: string;
  status: string;
}

/** Twilio refused a message: its error code (21610 opted out, 63016 WhatsApp window, ...) and HTTP status. */
export class TwilioSendError extends ChannelError {
  constructor(channel: string, message: string, readonly code: number | null, readonly status: number | null, retryable: boolean) {
    super(channel, message, retryable);
  }
}

/** The Messages REST resource through the `twilio` SDK; transport only, no retries or policy. */
export class TwilioMessagesClient {
  private readonly client: twilio.Twilio;

  constructor(credentials: TwilioCredentials) {
    const httpClient = credentials.apiBaseUrl ? new BaseUrlRequestClient(credentials.apiBaseUrl) : undefined;
    this.client = twilio(credentials.accountSid, credentials.authToken, { httpClient });
  }

  async create(channel: string, message: OutboundTwilioMessage): Promise<CreatedTwilioMessage> {
    try {
      const created = await this.client.messages.create({
        to: message.to,
        body: message.body,
        ...(message.messagingServiceSid ? { messagingServiceSid: message.messagingServiceSid } : { from: message.from! }),
        ...(message.statusCallback ? { statusCallback: message.statusCallback } : {}),
      });
      return { sid: created.sid, status: created.status };
    } catch (error) {
      throw toSendError(channel, error);
    }
  }
}

function toSendError(channel: string, error: unknown): TwilioSendError {
  const { status, code, message } = (error ?? {}) as { status?: number; code?: number; message?: string };
  if (typeof status === 'number') {
    const retryable = status === 429 || status >= 500 || code === 20429;
    return new TwilioSendError(channel, `Twilio refused the message (HTTP ${status}, code ${code ?? 'none'}): ${message ?? ''}`.trim(), code ?? null, status, retryable);
  }
  // No HTTP answer at all: connection refused, timeout, DNS.
  return new TwilioSendError(channel, `Twilio could not be reached: ${message ?? String(error)}`, null, null, true);
}
