import { Attachment, InboundMessage } from '@support/conversation';
import { ValidationError } from '@support/platform';
import { KeywordAction, keywordAction } from './opt-out.keywords';
import { TwilioWebhookParams, field, requiredField } from './twilio-webhook.params';

const WHATSAPP_PREFIX = 'whatsapp:';
const E164 = /^\+[1-9]\d{6,14}$/;
const MAX_MEDIA = 10;

/** An inbound SMS or WhatsApp message, read from Twilio's webhook fields. */
export interface TwilioInbound {
  channel: 'sms' | 'whatsapp';
  messageSid: string;
  accountSid: string;
  /** The customer's number in E.164, without `whatsapp:`. */
  from: string;
  /** Our number or WhatsApp sender, as Twilio wrote it (`whatsapp:` kept), to answer from. */
  to: string;
  body: string;
  media: Attachment[];
  keyword: KeywordAction | null;
  profileName?: string;
}

/** Reads an inbound-message webhook; throws `ValidationError` when it is not one. */
export function toTwilioInbound(params: TwilioWebhookParams): TwilioInbound {
  const messageSid = requiredField(params, 'MessageSid');
  if (!/^(SM|MM)[0-9a-zA-Z]{32}$/.test(messageSid)) throw new ValidationError('MessageSid is not a Twilio message SID.');
  const rawFrom = requiredField(params, 'From');
  const to = requiredField(params, 'To');
  const channel = rawFrom.startsWith(WHATSAPP_PREFIX) ? 'whatsapp' : 'sms';
  const from = channel === 'whatsapp' ? rawFrom.slice(WHATSAPP_PREFIX.length) : rawFrom;
  if (!E164.test(from)) throw new ValidationError('From is not a phone number in E.164 form.');
  const body = field(params, 'Body') ?? '';
  const media = readMedia(params);
  if (!body.trim() && !media.length) throw new ValidationError('The message has neither text nor media.');
  const profileName = field(params, 'ProfileName')?.trim();
  return {
    channel,
    messageSid,
    accountSid: field(params, 'AccountSid') ?? '',
    from,
    to,
    body,
    media,
    keyword: media.length ? null : keywordAction(body, field(params, 'OptOutType')),
    ...(profileName ? { profileName } : {}),
  };
}

/** The one conversation model's view of it; the media links are kept as attachments for a person. */
export function toTwilioInboundMessage(inbound: TwilioInbound): InboundMessage {
  return {
    channel: inbound.channel,
    from: { kind: inbound.channel === 'whatsapp' ? 'whatsapp' : 'phone', address: inbound.from, verified: true },
    ...(inbound.profileName ? { profile: { name: inbound.profileName } } : {}),
    text: inbound.body,
    attachments: inbound.media,
    channelMessageId: inbound.messageSid,
  };
}

function readMedia(params: TwilioWebhookParams): Attachment[] {
  const count = Number(field(params, 'NumMedia') ?? '0');
  if (!Number.isInteger(count) || count < 0 || count > MAX_MEDIA) throw new ValidationError('NumMedia must be a whole number from 0 to 10.');
  const media: Attachment[] = [];
  for (let i = 0; i < count; i++) {
    const url = field(params, `MediaUrl${i}`);
    if (!url || !/^https?:\/\//.test(url)) throw new ValidationError(`MediaUrl${i} is missing or not a URL.`);
    const contentType = field(params, `MediaContentType${i}`);
    media.push({ url, ...(contentType ? { contentType } : {}) });
  }
  return media;
}
