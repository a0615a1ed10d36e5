import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackHttpServer, readBody } from '../loopback-http.server';
import { messageListPage } from './message-list';
import { messageResource, sentLater, type MessageResource } from './message-resource';
import { twilioError, type TwilioErrorBody } from './twilio-error.body';

/** One message the gateway asked Twilio to send, as the fake received it. */
export interface SentTwilioMessage extends MessageResource {
  statusCallback: string | null;
  mediaUrls: string[];
  /** The raw form fields, repeated keys as arrays. */
  form: Record<string, string | string[]>;
}

/**
 * How the next valid create goes wrong on the wire after Twilio has taken the message (`late`:
 * answered after `ms`, past a client's timeout; `reset`: the connection is cut instead of
 * answered) or before it (`swallow`: the request is read, never recorded, never answered).
 */
export type CreateQuirk = { kind: 'late'; ms: number } | { kind: 'reset' } | { kind: 'swallow' };

export interface FakeTwilioOptions {
  accountSid: string;
  authToken: string;
  /** Approved Content API templates by `HX…` SID, with `{{1}}`-style placeholders; a create naming another SID is refused (21655). */
  contentTemplates?: Record<string, string>;
}

/** A local stand-in for Twilio's Messages REST resource (`/2010-04-01/Accounts/{sid}/Messages.json`). */
export interface FakeTwilio {
  readonly url: string;
  /** Messages accepted (HTTP 201), in order. */
  readonly sent: SentTwilioMessage[];
  /** Every request received, with its HTTP answer status. */
  readonly requests: Array<{ method: string; path: string; status: number }>;
  /** The next create requests fail with these error bodies, in order. */
  failNext(...errors: TwilioErrorBody[]): void;
  /** The next valid creates (after any `failNext`) misbehave like this, in order. */
  quirkNext(...quirks: CreateQuirk[]): void;
  /** Every create answered this long after the message is taken (0: at once). */
  setLatency(ms: number): void;
  /**
   * Messages taken from now on stay in Twilio's queue (status queued or accepted, no DateSent) until
   * `holdInQueue(false)`; by default a message is sent at once, and lists and fetches show it sent.
   */
  holdInQueue(hold?: boolean): void;
  /** Numbers that sent STOP to Twilio: sending to them fails with 21610, as Twilio does. */
  optOut(to: string): void;
  /** Waits until at least `count` messages were accepted. */
  waitForSent(count: number, timeoutMs?: number): Promise<SentTwilioMessage[]>;
  reset(): void;
  close(): Promise<void>;
}

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const MESSAGE_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)\.json$/;
const ADDRESS = /^(whatsapp:)?\+[1-9]\d{6,14}$/;

class FakeTwilioServer implements FakeTwilio {
  readonly sent: SentTwilioMessage[] = [];
  readonly requests: Array<{ method: string; path: string; status: number }> = [];
  private readonly failures: TwilioErrorBody[] = [];
  private readonly quirks: CreateQuirk[] = [];
  private latencyMs = 0;
  private holding = false;
  /** SIDs of messages taken but not sent yet. */
  private readonly queued = new Set<string>();
  private readonly optedOut = new Set<string>();
  private readonly http = new LoopbackHttpServer((req, res) => {
    this.handle(req, res).catch(() => res.destroy());
  });

  constructor(private readonly options: FakeTwilioOptions) {}

  get url(): string {
    return this.http.url;
  }

  async listen(): Promise<this> {
    await this.http.listen();
    return this;
  }

  failNext(...errors: TwilioErrorBody[]): void {
    this.failures.push(...errors);
  }

  quirkNext(...quirks: CreateQuirk[]): void {
    this.quirks.push(...quirks);
  }

  setLatency(ms: number): void {
    this.latencyMs = ms;
  }

  holdInQueue(hold = true): void {
    this.holding = hold;
    if (!hold) this.queued.clear();
  }

  optOut(to: string): void {
    this.optedOut.add(to);
  }

  async waitForSent(count: number, timeoutMs = 10_000): Promise<SentTwilioMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.sent.length < count) {
      if (Date.now() > deadline) throw new Error(`fake Twilio: expected ${count} sent messages, got ${this.sent.length} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.sent.slice(0, count);
  }

  reset(): void {
    this.sent.length = 0;
    this.requests.length = 0;
    this.failures.length = 0;
    this.quirks.length = 0;
    this.latencyMs = 0;
    this.holding = false;
    this.queued.clear();
    this.optedOut.clear();
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [path, rawQuery = ''] = (req.url ?? '/').split('?');
    const answer = (status: number, body: unknown) => {
      this.requests.push({ method: req.method ?? '', path, status });
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    };
    const body = await readBody(req);
    const create = MESSAGES_PATH.exec(path);
    const fetch = MESSAGE_PATH.exec(path);
    const list = create && req.method === 'GET';
    if (!(create && req.method === 'POST') && !(fetch && req.method === 'GET') && !list)
      return answer(404, twilioError(404, 20404, 'The requested resource was not found'));
    if (!this.authorised(req)) return answer(401, twilioError(401, 20003, 'Authenticate'));
    const accountSid = (create ?? fetch)![1];
    if (accountSid !== this.options.accountSid) return answer(404, twilioError(404, 20404, `The requested resource ${path} was not found`));
    if (fetch) {
      const found = this.sent.find((m) => m.sid === fetch[2]);
      return found ? answer(200, this.asNow(found)) : answer(404, twilioError(404, 20404, `The requested resource ${path} was not found`));
    }
    if (list)
      return answer(
        200,
        messageListPage(
          path,
          new URLSearchParams(rawQuery),
          this.sent.map((m) => this.asNow(m)),
        ),
      );
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return answer(400, twilioError(400, 20001, 'Expected application/x-www-form-urlencoded'));
    }
    const form = parseForm(body);
    const one = (key: string) => (Array.isArray(form[key]) ? (form[key] as string[])[0] : (form[key] as string | undefined));
    const to = one('To');
    const from = one('From');
    const service = one('MessagingServiceSid');
    const content = renderContent(one('ContentSid'), one('ContentVariables'), this.options.contentTemplates ?? {});
    if ('error' in content) return answer(400, content.error);
    const text = content.body ?? one('Body') ?? '';
    const mediaUrls = ([] as string[]).concat(form.MediaUrl ?? []);
    if (!to) return answer(400, twilioError(400, 21604, "A 'To' phone number is required."));
    if (!ADDRESS.test(to)) return answer(400, twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`));
    if (!from && !service) return answer(400, twilioError(400, 21603, "A 'From' phone number is required."));
    if (from && !ADDRESS.test(from)) return answer(400, twilioError(400, 21212, `The 'From' number ${from} is not a valid phone number.`));
    if (from && from.startsWith('whatsapp:') !== to.startsWith('whatsapp:'))
      return answer(400, twilioError(400, 63007, 'Twilio could not find a Channel with the specified From address'));
    if (!text && !mediaUrls.length && !one('ContentSid')) return answer(400, twilioError(400, 21602, 'Message body is required.'));
    if (text.length > 1600) return answer(400, twilioError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.'));
    const failure = this.failures.shift();
    if (failure) return answer(failure.status, failure);
    if (this.optedOut.has(to)) return answer(400, twilioError(400, 21610, 'Attempt to send to unsubscribed recipient'));
    const quirk = this.quirks.shift();
    // Read, never taken, never answered: the client waits until its timeout.
    if (quirk?.kind === 'swallow') return void this.requests.push({ method: req.method ?? '', path, status: 0 });
    const message = messageResource(accountSid, { To: to, From: from, MessagingServiceSid: service, Body: text, MediaUrl: mediaUrls });
    this.sent.push({ ...message, statusCallback: one('StatusCallback') ?? null, mediaUrls, form });
    if (this.holding) this.queued.add(message.sid);
    if (quirk?.kind === 'reset') {
      this.requests.push({ method: req.method ?? '', path, status: 0 });
      return void req.socket.destroy();
    }
    const delayMs = quirk?.kind === 'late' ? quirk.ms : this.latencyMs;
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (res.destroyed || req.socket.destroyed) return;
    answer(201, message);
  }

  /** The message as Twilio shows it now: still queued (no DateSent) while held, else sent. */
  private asNow(message: SentTwilioMessage): MessageResource {
    return this.queued.has(message.sid) ? resourceOf(message) : sentLater(resourceOf(message));
  }

  private authorised(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return false;
    const [user, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
    return user === this.options.accountSid && rest.join(':') === this.options.authToken;
  }
}

/**
 * A Content API send (`ContentSid`, `ContentVariables` as a JSON object of strings) as Twilio takes
 * it: the template's text with its placeholders filled becomes the message body.
 */
function renderContent(
  sid: string | undefined,
  variables: string | undefined,
  templates: Record<string, string>,
): { body?: string } | { error: TwilioErrorBody } {
  if (sid === undefined) return {};
  if (!/^HX[0-9a-fA-F]{32}$/.test(sid) || !(sid in templates)) return { error: twilioError(400, 21655, 'The ContentSid is Invalid') };
  let values: Record<string, unknown> = {};
  try {
    values = variables === undefined ? {} : JSON.parse(variables);
  } catch {
    return { error: twilioError(400, 21656, 'The ContentVariables Parameter is invalid') };
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values) || Object.values(values).some((v) => typeof v !== 'string')) {
    return { error: twilioError(400, 21656, 'The ContentVariables Parameter is invalid') };
  }
  return { body: templates[sid].replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? '')) };
}

/** The REST resource alone, without what the fake keeps beside it. */
function resourceOf(sent: SentTwilioMessage): MessageResource {
  const { statusCallback: _callback, mediaUrls: _media, form: _form, ...resource } = sent;
  return resource;
}

/** Form fields, repeated keys (`MediaUrl=a&MediaUrl=b`) as arrays, the way the SDK sends lists. */
function parseForm(body: string): Record<string, string | string[]> {
  const form: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const existing = form[key];
    form[key] = existing === undefined ? value : ([] as string[]).concat(existing, value);
  }
  return form;
}

export async function startFakeTwilio(options: FakeTwilioOptions): Promise<FakeTwilio> {
  return new FakeTwilioServer(options).listen();
}
