/** What `POST /api/chat` answers. */
export interface ChatApiReply {
  conversationId: string;
  reply: string;
  handoff: null | { reason: string; summary: string };
  /** Only on the reply that started the conversation: sent back (as `sessionToken`) with the conversation's later messages. */
  sessionToken?: string;
}

export interface ChatApiCall {
  status: number;
  body: unknown;
  /** Wall-clock time of the HTTP round trip, in nanoseconds. */
  durationNs: bigint;
}

/** Sends one customer message to the web chat API and times the round trip. */
export async function postChat(
  baseUrl: string,
  { sessionToken, ...message }: { conversationId?: string; sessionToken?: string; text: string; customer?: { email?: string; name?: string } },
): Promise<ChatApiCall> {
  const started = process.hrtime.bigint();
  const response = await fetch(`${baseUrl}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(sessionToken ? { 'x-chat-session': sessionToken } : {}) },
    body: JSON.stringify(message),
  });
  const text = await response.text();
  const durationNs = process.hrtime.bigint() - started;
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the error message
  }
  return { status: response.status, body, durationNs };
}

/** Sends a message and insists on a 200 answer. */
export async function sayOrThrow(baseUrl: string, message: Parameters<typeof postChat>[1]): Promise<ChatApiReply & { durationNs: bigint }> {
  const call = await postChat(baseUrl, message);
  if (call.status !== 200) throw new Error(`POST /api/chat answered ${call.status}: ${JSON.stringify(call.body).slice(0, 300)}`);
  return { ...(call.body as ChatApiReply), durationNs: call.durationNs };
}
