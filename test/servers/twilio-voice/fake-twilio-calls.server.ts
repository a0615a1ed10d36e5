import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface CallsRequest {
  method: string;
  path: string;
  callSid?: string;
  form: Record<string, string>;
}

/**
 * The Calls resource of Twilio's REST API (`/2010-04-01/Accounts/{AC}/Calls.json` and
 * `Calls/{CA}.json`), as the `twilio` helper calls it (twilio-voice.md §5): Basic auth, form bodies,
 * Call JSON back. Updating a live call ends its media stream, so `onCallUpdated` lets the simulated
 * caller send `stop` like Twilio does.
 */
export class FakeTwilioCalls {
  readonly requests: CallsRequest[] = [];
  readonly url: string;
  onCallUpdated: (callSid: string, form: Record<string, string>) => void = () => undefined;

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
      return json(res, 201, callJson(sid, this.accountSid, { status: 'queued', to: form.To, from: form.From, direction: 'outbound-api' }));
    }
    const match = new RegExp(`^${base}/(CA[0-9a-f]{32})\\.json$`).exec(path);
    if (req.method === 'POST' && match) {
      const callSid = match[1];
      if (!form.Twiml && !form.Url && !form.Status) return error(res, 400, 21218, 'Twiml, Url or Status is required');
      this.requests.push({ method: 'POST', path, callSid, form });
      setImmediate(() => this.onCallUpdated(callSid, form));
      return json(res, 200, callJson(callSid, this.accountSid, { status: form.Status ?? 'in-progress', direction: 'inbound' }));
    }
    return error(res, 404, 20404, 'The requested resource was not found');
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
