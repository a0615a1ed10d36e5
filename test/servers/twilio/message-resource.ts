import { randomBytes } from 'node:crypto';

/** A message as the fake stores it, in the REST resource's snake_case JSON shape. */
export interface MessageResource {
  sid: string;
  account_sid: string;
  messaging_service_sid: string | null;
  from: string | null;
  to: string;
  body: string;
  status: 'queued' | 'accepted' | 'sent';
  direction: 'outbound-api';
  num_segments: string;
  num_media: string;
  price: null;
  price_unit: 'USD';
  error_code: null;
  error_message: null;
  api_version: '2010-04-01';
  date_created: string;
  date_updated: string;
  date_sent: string | null;
  uri: string;
  subresource_uris: { media: string };
}

/** Twilio's RFC 2822 dates: `Tue, 04 Mar 2025 10:00:00 +0000`. */
export function rfc2822(date: Date): string {
  return date.toUTCString().replace('GMT', '+0000');
}

/** The message as Twilio holds it a moment later: handed to the carrier, with its DateSent. */
export function sentLater(message: MessageResource): MessageResource {
  return { ...message, status: 'sent', date_sent: message.date_created, date_updated: message.date_created };
}

export function newMessageSid(): string {
  return `SM${randomBytes(16).toString('hex')}`;
}

/** The JSON `POST …/Messages.json` answers with (HTTP 201); dates in RFC 2822 as Twilio writes them. */
export function messageResource(
  accountSid: string,
  form: { To: string; From?: string; MessagingServiceSid?: string; Body: string; MediaUrl: string[] },
): MessageResource {
  const sid = newMessageSid();
  const now = rfc2822(new Date());
  const base = `/2010-04-01/Accounts/${accountSid}/Messages/${sid}`;
  return {
    sid,
    account_sid: accountSid,
    messaging_service_sid: form.MessagingServiceSid ?? null,
    from: form.From ?? null,
    to: form.To,
    body: form.Body,
    status: form.MessagingServiceSid ? 'accepted' : 'queued',
    direction: 'outbound-api',
    num_segments: String(Math.max(1, Math.ceil(form.Body.length / 153))),
    num_media: String(form.MediaUrl.length),
    price: null,
    price_unit: 'USD',
    error_code: null,
    error_message: null,
    api_version: '2010-04-01',
    date_created: now,
    date_updated: now,
    date_sent: null,
    uri: `${base}.json`,
    subresource_uris: { media: `${base}/Media.json` },
  };
}
