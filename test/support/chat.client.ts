/** A scripted web chat customer, talking to the gateway's real HTTP API. */
export interface ChatReply {
  conversationId: string;
  reply: string;
  handoff: null | { reason: string; summary: string };
  /** `person` while a person is awaited or has the conversation. */
  waitingFor: 'person' | null;
  /** Only on the reply that started the conversation. */
  sessionToken?: string;
}

export const SESSION_HEADER = 'X-Chat-Session';

let clientsMade = 0;
/** Each scripted customer writes from an address of its own (TEST-NET-3), as different people do. */
function nextClientAddress(): string {
  clientsMade++;
  return `203.0.${113 + Math.floor(clientsMade / 250)}.${(clientsMade % 250) + 1}`;
}

export class ChatClient {
  conversationId?: string;
  /** The secret the first reply handed out; sent back with every later request, as a script would. */
  sessionToken?: string;

  constructor(
    private readonly baseUrl: string,
    private readonly customer?: { email?: string; name?: string },
    /** Sent as X-Forwarded-For, which the gateway trusts from the loopback proxy in front of it. */
    readonly clientAddress: string = nextClientAddress(),
  ) {}

  async say(text: string): Promise<ChatReply> {
    const response = await postJson(`${this.baseUrl}/api/chat`, { conversationId: this.conversationId, text, customer: this.customer }, this.sessionHeaders());
    if (response.status !== 200) throw new Error(`POST /api/chat answered ${response.status}: ${JSON.stringify(response.body)}`);
    const reply = response.body as ChatReply;
    this.conversationId = reply.conversationId;
    this.sessionToken = reply.sessionToken ?? this.sessionToken;
    return reply;
  }

  /** The header that proves this client started the conversation (none before the first reply). */
  sessionHeaders(): Record<string, string> {
    return { 'X-Forwarded-For': this.clientAddress, ...(this.sessionToken ? { [SESSION_HEADER]: this.sessionToken } : {}) };
  }
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await readBody(response), headers: response.headers };
}

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: await readBody(response), headers: response.headers };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text; // not JSON: keep the text
  }
}

/** Reads a `POST /api/chat/stream` answer into its events, in order, with the session cookie it set (if any). */
export async function streamChat(
  baseUrl: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Array<{ event: string; data: any }> & { setCookie?: string }> {
  const response = await fetch(`${baseUrl}/api/chat/stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.headers.get('content-type')?.startsWith('text/event-stream'))
    throw new Error(`not an event stream: ${response.status} ${await response.text()}`);
  const text = await response.text();
  const events = text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null');
      return { event, data };
    });
  return Object.assign(events, { setCookie: response.headers.get('set-cookie') ?? undefined });
}
