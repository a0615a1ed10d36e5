/** A scripted web chat customer, talking to the gateway's real HTTP API. */
export interface ChatReply {
  conversationId: string;
  reply: string;
  handoff: null | { reason: string; summary: string };
}

export class ChatClient {
  conversationId?: string;

  constructor(private readonly baseUrl: string, private readonly customer?: { email?: string; name?: string }) {}

  async say(text: string): Promise<ChatReply> {
    const response = await postJson(`${this.baseUrl}/api/chat`, { conversationId: this.conversationId, text, customer: this.customer });
    if (response.status !== 200) throw new Error(`POST /api/chat answered ${response.status}: ${JSON.stringify(response.body)}`);
    const reply = response.body as ChatReply;
    this.conversationId = reply.conversationId;
    return reply;
  }
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed, headers: response.headers };
}

/** Reads a `POST /api/chat/stream` answer into its events, in order. */
export async function streamChat(baseUrl: string, body: unknown): Promise<Array<{ event: string; data: any }>> {
  const response = await fetch(`${baseUrl}/api/chat/stream`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) throw new Error(`not an event stream: ${response.status} ${await response.text()}`);
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null');
      return { event, data };
    });
}
