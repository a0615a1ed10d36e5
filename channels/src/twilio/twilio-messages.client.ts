import twilio from 'twilio';
import { BaseUrlRequestClient } from './base-url.request-client';
import { toSendError } from './twilio-send.error';

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
  /** Default https://api.twilio.com. */
  apiBaseUrl?: string;
  /** How long one REST request may take; the SDK's default is 30 s. */
  timeoutMs?: number;
}

export interface OutboundTwilioMessage {
  /** `+E164` or `whatsapp:+E164`. */
  to: string;
  /** One of `from` and `messagingServiceSid`. */
  from?: string;
  messagingServiceSid?: string;
  body: string;
  /** An approved template (WhatsApp outside its 24-hour window) sent instead of `body`. */
  content?: TemplateContent;
  statusCallback?: string;
}

/** A Content API template: its `HX…` SID and the values of its `{{1}}`, `{{2}}`… placeholders. */
export interface TemplateContent {
  sid: string;
  variables: Record<string, string>;
}

export interface CreatedTwilioMessage {
  sid: string;
  status: string;
}

/** Which message we are looking for at Twilio after a send whose answer never came. */
export interface SentMessageQuery {
  to: string;
  /** Our number or WhatsApp sender; a Messaging Service (MG…) cannot be filtered on. */
  from?: string;
  body: string;
  /** For a template send: the variable text, which Twilio's rendered body contains. */
  templateVariable?: string;
  /** Created at Twilio no earlier than this (a little before our request went out). */
  createdAfter: Date;
  /** When our request went out: of several matches (the same text sent earlier), the one created nearest it. */
  near?: Date;
  /** A message another of our deliveries already is: never the one looked for. */
  taken?: (sid: string) => Promise<boolean>;
}

/** How many of the recipient's recent messages a lookup reads; a lookup is rare, and the match is on the body and creation date. */
const LOOKUP_LIMIT = 200;

/** The Messages REST resource through the `twilio` SDK; transport only, no retries or policy. */
export class TwilioMessagesClient {
  private readonly client: twilio.Twilio;

  constructor(credentials: TwilioCredentials) {
    const options = credentials.timeoutMs ? { timeout: credentials.timeoutMs } : undefined;
    const httpClient = credentials.apiBaseUrl ? new BaseUrlRequestClient(credentials.apiBaseUrl, options) : undefined;
    this.client = twilio(credentials.accountSid, credentials.authToken, { httpClient, timeout: credentials.timeoutMs });
  }

  async create(channel: string, message: OutboundTwilioMessage): Promise<CreatedTwilioMessage> {
    try {
      const created = await this.client.messages.create({
        to: message.to,
        ...(message.content ? { contentSid: message.content.sid, contentVariables: JSON.stringify(message.content.variables) } : { body: message.body }),
        ...(message.messagingServiceSid ? { messagingServiceSid: message.messagingServiceSid } : { from: message.from! }),
        ...(message.statusCallback ? { statusCallback: message.statusCallback } : {}),
      });
      return { sid: created.sid, status: created.status };
    } catch (error) {
      throw toSendError(channel, error);
    }
  }

  /**
   * The message Twilio holds with this recipient, sender and body, created after `createdAfter`; null
   * when it has none. Lists Messages filtered by To and From, newest first, and keeps those created
   * since: Twilio can filter on DateSent only, which a message it has taken but not yet sent
   * (queued, accepted, scheduled) does not have, and such a message must be found too.
   */
  async findSent(channel: string, query: SentMessageQuery): Promise<CreatedTwilioMessage | null> {
    try {
      const listed = await this.client.messages.list({
        to: query.to,
        ...(query.from && !query.from.startsWith('MG') ? { from: query.from } : {}),
        limit: LOOKUP_LIMIT,
      });
      const near = (query.near ?? query.createdAfter).getTime();
      const distance = (m: { dateCreated: Date | null }) => (m.dateCreated ? Math.abs(m.dateCreated.getTime() - near) : 0);
      // A trial account prefixes the body; anything else must match exactly.
      const matches = listed
        .filter((m) => !m.dateCreated || m.dateCreated.getTime() >= query.createdAfter.getTime())
        .filter(
          (m) => m.body === query.body || m.body?.endsWith(` - ${query.body}`) || (!!query.templateVariable && !!m.body?.includes(query.templateVariable)),
        )
        .sort((a, b) => distance(a) - distance(b));
      for (const match of matches) if (!(await query.taken?.(match.sid))) return { sid: match.sid, status: match.status };
      return null;
    } catch (error) {
      throw toSendError(channel, error);
    }
  }
}
