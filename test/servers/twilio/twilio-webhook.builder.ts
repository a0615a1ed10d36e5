import { randomBytes } from 'node:crypto';

export type WebhookParams = Record<string, string>;

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

/**
 * Inbound-message webhook fields as Twilio sends them (all strings, deprecated SmsSid duplicates,
 * geo fields, WhatsApp extras). Safe defaults; change only what a test is about.
 */
export class InboundWebhookBuilder {
  private constructor(private readonly params: WebhookParams) {}

  static sms(accountSid: string, to = '+15550001000'): InboundWebhookBuilder {
    const messageSid = sid('SM');
    return new InboundWebhookBuilder({
      ToCountry: 'US',
      ToState: 'CA',
      SmsMessageSid: messageSid,
      NumMedia: '0',
      ToCity: '',
      FromZip: '',
      SmsSid: messageSid,
      FromState: 'OR',
      SmsStatus: 'received',
      FromCity: '',
      Body: 'Hello',
      FromCountry: 'US',
      To: to,
      ToZip: '',
      NumSegments: '1',
      MessageSid: messageSid,
      AccountSid: accountSid,
      From: '+15035550100',
      ApiVersion: '2010-04-01',
    });
  }

  static whatsapp(accountSid: string, to = 'whatsapp:+14155238886'): InboundWebhookBuilder {
    const messageSid = sid('SM');
    return new InboundWebhookBuilder({
      SmsMessageSid: messageSid,
      NumMedia: '0',
      ProfileName: 'Ana',
      MessageType: 'text',
      SmsSid: messageSid,
      WaId: '491511234567',
      SmsStatus: 'received',
      Body: 'Hello',
      To: to,
      NumSegments: '1',
      ReferralNumMedia: '0',
      MessageSid: messageSid,
      AccountSid: accountSid,
      From: 'whatsapp:+491511234567',
      ApiVersion: '2010-04-01',
      Forwarded: 'false',
      FrequentlyForwarded: 'false',
    });
  }

  from(number: string): this {
    const whatsapp = this.params.From.startsWith('whatsapp:');
    this.params.From = whatsapp ? `whatsapp:${number}` : number;
    if (whatsapp) this.params.WaId = number.slice(1);
    return this;
  }

  body(text: string): this {
    this.params.Body = text;
    return this;
  }

  messageSid(value: string): this {
    Object.assign(this.params, { MessageSid: value, SmsSid: value, SmsMessageSid: value });
    return this;
  }

  /** Adds a media item (MediaUrlN / MediaContentTypeN) and counts it in NumMedia. */
  media(url: string, contentType: string): this {
    const n = Number(this.params.NumMedia);
    Object.assign(this.params, { [`MediaUrl${n}`]: url, [`MediaContentType${n}`]: contentType, NumMedia: String(n + 1) });
    if (this.params.MessageType) this.params.MessageType = contentType.split('/')[0];
    return this;
  }

  with(extra: WebhookParams): this {
    Object.assign(this.params, extra);
    return this;
  }

  build(): WebhookParams {
    return { ...this.params };
  }
}

/** A status callback for a message the gateway sent (`MessageStatus`, and `ErrorCode` on failure). */
export function statusCallbackParams(
  accountSid: string,
  message: { sid: string; from: string | null; to: string },
  status: string,
  errorCode?: number,
): WebhookParams {
  return {
    SmsSid: message.sid,
    SmsStatus: status,
    MessageStatus: status,
    To: message.to,
    MessageSid: message.sid,
    AccountSid: accountSid,
    From: message.from ?? '',
    ApiVersion: '2010-04-01',
    ...(errorCode ? { ErrorCode: String(errorCode), ErrorMessage: `Error ${errorCode}` } : {}),
  };
}
