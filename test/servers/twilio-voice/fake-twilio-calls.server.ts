import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import twilio from 'twilio';

export interface CallsRequest {
  method: string;
  path: string;
  callSid?: string;
  form: Record<string, string>;
}

/** A caller waiting in a queue, with the `<Enqueue>` attributes Twilio keeps for them. */
export interface QueueMember {
  callSid: string;
  enqueuedAt: number;
  waitUrl: string | null;
  action: string | null;
}

/** A call the product placed (`Calls.json` create), and the TwiML it ran once answered. */
export interface PlacedCall {
  sid: string;
  to: string;
  from: string;
  url: string;
  statusCallback: string | null;
  twiml: string | null;
}

/**
 * The Calls resource of Twilio's REST API (`/2010-04-01/Accounts/{AC}/Calls.json` and
 * `Calls/{CA}.json`), as the `twilio` helper calls it (twilio-voice.md §5): Basic auth, form bodies,
 * Call JSON back. Updating a live call ends its media stream, so `onCallUpdated` lets the simulated
 * caller send `stop` like Twilio does.
 *
 * Once `webhooksTo(gateway)` is set it also plays Twilio's queues and calls (§6): TwiML with `<Enqueue>` puts the
 * call in a named queue (`QU…` sid) and requests its `waitUrl` (`holdTick()` requests it again, as Twilio's loop
 * does); `Queues/{QU}/Members/{CA}.json` with `Url` dequeues that member, requests the `<Enqueue action>`
 * (`QueueResult=redirected`) and runs the Url's TwiML on the caller; a placed call runs its `Url` when the test
 * `answer()`s it, or reports `busy`/`no-answer` to its `StatusCallback` (`endUnanswered()`). `<Dial><Conference>`
 * puts the call in that room (`conferences`). Webhooks are signed as Twilio signs them.
 */
export class FakeTwilioCalls {
  readonly requests: CallsRequest[] = [];
  readonly url: string;
  onCallUpdated: (callSid: string, form: Record<string, string>) => void = () => undefined;
  readonly queues = new Map<string, { sid: string; members: QueueMember[] }>();
  readonly placedCalls = new Map<string, PlacedCall>();
  /** Conference room → the calls in it, in the order they joined. */
  readonly conferences = new Map<string, string[]>();
  /** The TwiML each call ran, in order (the dequeued caller's included). */
  readonly twimlRun: Array<{ callSid: string; twiml: string }> = [];
  private webhooks: { gatewayUrl: string; publicBaseUrl: string } | null = null;
  /** Webhooks the fake sent on its own that the gateway did not answer with 200. */
  readonly webhookFailures: Error[] = [];
  private pending: Promise<unknown>[] = [];

  private constructor(
    private readonly server: Server,
    private readonly accountSid: string,
    private readonly authToken: string,
  ) {
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  static async start(accountSid: string, authToken: string): Promise<FakeTwilioCalls> {
    let fake!: FakeTwilioCalls;
    const server = createServer((req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeTwilioCalls(server, accountSid, authToken);
    return fake;
  }

  /** Where Twilio's webhooks go: the public URLs in TwiML are requested on the gateway at `gatewayUrl`. */
  webhooksTo(gatewayUrl: string, publicBaseUrl: string): void {
    this.webhooks = { gatewayUrl, publicBaseUrl };
  }

  queueOf(callSid: string): { name: string; sid: string; position: number; member: QueueMember } | null {
    for (const [name, queue] of this.queues) {
      const at = queue.members.findIndex((m) => m.callSid === callSid);
      if (at >= 0) return { name, sid: queue.sid, position: at + 1, member: queue.members[at] };
    }
    return null;
  }

  /** One turn of every waiting caller's hold loop: Twilio requests the `waitUrl` with the position and time waited. */
  async holdTick(): Promise<void> {
    for (const queue of this.queues.values()) for (const member of [...queue.members]) await this.requestWaitUrl(member.callSid);
  }

  /** The waiting caller hangs up: out of the queue, and the `<Enqueue action>` hears `hangup`. */
  async callerHangsUp(callSid: string): Promise<void> {
    const place = this.queueOf(callSid);
    if (!place) throw new Error(`${callSid} is not in a queue`);
    this.leave(place.name, callSid);
    if (place.member.action) await this.webhook(place.member.action, this.queueParams(callSid, place, { QueueResult: 'hangup' }));
  }

  /** The person picks up the placed call: its `Url` runs (Direction `outbound-api`); returns the TwiML. */
  async answer(callSid: string): Promise<string> {
    const call = this.placedCalls.get(callSid);
    if (!call) throw new Error(`no placed call ${callSid}`);
    const twiml = await this.webhook(call.url, { ...this.callParams(call), CallStatus: 'in-progress' });
    call.twiml = twiml;
    this.run(callSid, twiml);
    await this.settled();
    return twiml;
  }

  /** The placed call never connects: Twilio's final status callback says why. */
  async endUnanswered(callSid: string, status: 'busy' | 'no-answer' | 'failed' | 'canceled' = 'no-answer'): Promise<void> {
    const call = this.placedCalls.get(callSid);
    if (!call?.statusCallback) throw new Error(`no status callback for ${callSid}`);
    await this.webhook(call.statusCallback, { ...this.callParams(call), CallStatus: status, CallDuration: '0', CallbackSource: 'call-progress-events' });
  }

  /** Waits for webhooks the fake started on its own (after a REST request it already answered). */
  async settled(): Promise<void> {
    while (this.pending.length) await Promise.all(this.pending.splice(0));
  }

  updatesFor(callSid: string): CallsRequest[] {
    return this.requests.filter((r) => r.callSid === callSid);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const expectedAuth = `Basic ${Buffer.from(`${this.accountSid}:${this.authToken}`).toString('base64')}`;
    if (req.headers.authorization !== expectedAuth) return error(res, 401, 20003, 'Authenticate');
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const base = `/2010-04-01/Accounts/${this.accountSid}/Calls`;
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
    if (req.method === 'POST' && path === `${base}.json`) {
      if (!form.To || !form.From || !(form.Url || form.Twiml)) return error(res, 400, 21205, 'To, From and Url or Twiml are required');
      const sid = `CA${randomBytes(16).toString('hex')}`;
      this.requests.push({ method: 'POST', path, callSid: sid, form });
      if (form.Url) this.placedCalls.set(sid, { sid, to: form.To, from: form.From, url: form.Url, statusCallback: form.StatusCallback ?? null, twiml: null });
      return json(res, 201, callJson(sid, this.accountSid, { status: 'queued', to: form.To, from: form.From, direction: 'outbound-api' }));
    }
    const match = new RegExp(`^${base}/(CA[0-9a-f]{32})\\.json$`).exec(path);
    if (req.method === 'POST' && match) {
      const callSid = match[1];
      if (!form.Twiml && !form.Url && !form.Status) return error(res, 400, 21218, 'Twiml, Url or Status is required');
      this.requests.push({ method: 'POST', path, callSid, form });
      setImmediate(() => this.onCallUpdated(callSid, form));
      if (form.Twiml) this.run(callSid, form.Twiml);
      return json(res, 200, callJson(callSid, this.accountSid, { status: form.Status ?? 'in-progress', direction: 'inbound' }));
    }
    const member = new RegExp(`^/2010-04-01/Accounts/${this.accountSid}/Queues/(QU[0-9a-f]{32})/Members/(CA[0-9a-f]{32}|Front)\\.json$`).exec(path);
    if (member && req.method === 'POST') return this.dequeue(res, member[1], member[2], form);
    return error(res, 404, 20404, 'The requested resource was not found');
  }

  /** `POST Queues/{QU}/Members/{CA}.json` `Url=`: that member leaves the queue and runs the Url's TwiML. */
  private dequeue(res: ServerResponse, queueSid: string, memberSid: string, form: Record<string, string>): void {
    const entry = [...this.queues].find(([, queue]) => queue.sid === queueSid);
    if (!entry) return error(res, 404, 20404, `The requested resource /Queues/${queueSid} was not found`);
    const [name, queue] = entry;
    const member = memberSid === 'Front' ? queue.members[0] : queue.members.find((m) => m.callSid === memberSid);
    if (!member) return error(res, 404, 20404, `The requested resource /Queues/${queueSid}/Members/${memberSid}.json was not found`);
    if (!form.Url) return error(res, 400, 21205, 'Url is required');
    this.requests.push({ method: 'POST', path: `/Queues/${queueSid}/Members/${member.callSid}.json`, callSid: member.callSid, form });
    const place = this.queueOf(member.callSid)!;
    this.leave(name, member.callSid);
    json(res, 200, {
      call_sid: member.callSid,
      queue_sid: queueSid,
      position: place.position,
      wait_time: Math.floor((Date.now() - member.enqueuedAt) / 1000),
      date_enqueued: new Date(member.enqueuedAt).toUTCString(),
      uri: `/2010-04-01/Accounts/${this.accountSid}/Queues/${queueSid}/Members/${member.callSid}.json`,
    });
    this.later(async () => {
      if (member.action) await this.webhook(member.action, this.queueParams(member.callSid, place, { QueueResult: 'redirected' }));
      const twiml = await this.webhook(form.Url, { CallSid: member.callSid, AccountSid: this.accountSid, QueueSid: queueSid, CallStatus: 'in-progress' });
      this.run(member.callSid, twiml);
    });
  }

  /** What Twilio does with TwiML it runs on a call, as far as queues and conferences go. */
  private run(callSid: string, twiml: string): void {
    this.twimlRun.push({ callSid, twiml });
    const enqueue = /<Enqueue([^>]*)>([^<]+)<\/Enqueue>/.exec(twiml);
    if (enqueue) {
      const attribute = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(enqueue[1])?.[1] ?? null;
      const queue = this.queues.get(enqueue[2]) ?? { sid: `QU${randomBytes(16).toString('hex')}`, members: [] };
      this.queues.set(enqueue[2], queue);
      queue.members.push({ callSid, enqueuedAt: Date.now(), waitUrl: attribute('waitUrl'), action: attribute('action') });
      this.later(() => this.requestWaitUrl(callSid));
    }
    const conference = /<Conference[^>]*>([^<]+)<\/Conference>/.exec(twiml);
    if (conference) this.conferences.set(conference[1], [...(this.conferences.get(conference[1]) ?? []), callSid]);
  }

  private async requestWaitUrl(callSid: string): Promise<void> {
    const place = this.queueOf(callSid);
    if (!place?.member.waitUrl || !this.webhooks) return;
    await this.webhook(place.member.waitUrl, this.queueParams(callSid, place, { QueuePosition: String(place.position) }));
  }

  private leave(queueName: string, callSid: string): void {
    const queue = this.queues.get(queueName)!;
    queue.members = queue.members.filter((m) => m.callSid !== callSid);
  }

  private queueParams(callSid: string, place: { sid: string; member: QueueMember }, extra: Record<string, string>): Record<string, string> {
    const members = [...this.queues.values()].find((q) => q.sid === place.sid)?.members.length ?? 0;
    return {
      CallSid: callSid,
      AccountSid: this.accountSid,
      QueueSid: place.sid,
      QueueTime: String(Math.floor((Date.now() - place.member.enqueuedAt) / 1000)),
      CurrentQueueSize: String(members),
      ...extra,
    };
  }

  private callParams(call: PlacedCall): Record<string, string> {
    return { CallSid: call.sid, AccountSid: this.accountSid, From: call.from, To: call.to, Direction: 'outbound-api', ApiVersion: '2010-04-01' };
  }

  private later(work: () => Promise<unknown>): void {
    this.pending.push(
      new Promise((resolve) => setImmediate(resolve)).then(work).catch((failure: Error) => {
        this.webhookFailures.push(failure);
      }),
    );
  }

  /** A signed POST of `params` to the public `url`, delivered to the gateway; the TwiML it answers. */
  private async webhook(url: string, params: Record<string, string>): Promise<string> {
    if (!this.webhooks) throw new Error('webhooksTo(gateway) first');
    const signature = twilio.getExpectedTwilioSignature(this.authToken, url, params);
    const local = url.replace(this.webhooks.publicBaseUrl, this.webhooks.gatewayUrl);
    const response = await fetch(local, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${body}`);
    return body;
  }
}

function callJson(sid: string, accountSid: string, fields: Record<string, string>) {
  return {
    sid,
    account_sid: accountSid,
    parent_call_sid: null,
    start_time: new Date().toUTCString(),
    duration: null,
    queue_time: '0',
    api_version: '2010-04-01',
    uri: `/2010-04-01/Accounts/${accountSid}/Calls/${sid}.json`,
    ...fields,
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function error(res: ServerResponse, status: number, code: number, message: string): void {
  json(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}
