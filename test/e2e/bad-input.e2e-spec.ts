import { ChatClient, getJson } from '../support/chat.client';
import { RunningGateway, startGateway } from '../support/gateway.harness';

const MEGABYTE = 1024 * 1024;

/** Whatever a client sends, the gateway answers with a status that says what was wrong and `{ message, errorId }`: never a 500, never a page. */
describe('Bad input at the gateway', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await startGateway({ CHAT_RATE_LIMIT_PER_MINUTE: '1000' });
  }, 120_000);
  afterAll(() => gateway?.close());

  /** Sends raw bytes with the given content type and reads the answer as JSON. */
  async function send(path: string, body: string | undefined, contentType?: string): Promise<{ status: number; body: any; contentType: string }> {
    const response = await fetch(`${gateway.url}${path}`, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // left as text: the assertion on the shape says so
    }
    return { status: response.status, body: parsed, contentType: response.headers.get('content-type') ?? '' };
  }

  function expectJsonError(answer: { status: number; body: any; contentType: string }, status: number, message: RegExp) {
    expect(answer.status).toBe(status);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(answer.body).toEqual({ message: expect.stringMatching(message), errorId: expect.stringMatching(/^err_/) });
  }

  const rows = (sql: string, params: unknown[] = []) => gateway.db.query<any>(sql, params).then((r) => r.rows);

  it('drops NUL and other control characters from a message and answers it', async () => {
    const customer = new ChatClient(gateway.url, { name: 'Ro\u0000bin\u0007' });
    const { reply, conversationId } = await customer.say('What is\u0000 your\u001b return\u009b policy?\r\nThanks\t!');
    expect(reply).toContain('POL-RETURN-30D');
    const [message] = await rows(`SELECT text FROM messages WHERE conversation_id = $1 AND author = 'customer'`, [conversationId]);
    expect(message.text).toBe('What is your return policy?\r\nThanks\t!');
    const [customerRow] = await rows(`SELECT c.name FROM customers c JOIN conversations v ON v.customer_id = c.id WHERE v.id = $1`, [conversationId]);
    expect(customerRow.name).toBe('Robin');
  });

  it('refuses a message made only of control characters as empty', async () => {
    expectJsonError(await send('/api/chat', JSON.stringify({ text: '\u0000\u0001\u001f' }), 'application/json'), 400, /"text" must be a non-empty string/);
  });

  it('refuses a 1 MB JSON body with 413', async () => {
    const body = JSON.stringify({ text: 'a'.repeat(MEGABYTE) });
    expectJsonError(await send('/api/chat', body, 'application/json'), 413, /larger than/);
    expectJsonError(await send('/api/chat/stream', body, 'application/json'), 413, /larger than/);
  });

  it('refuses a 1 MB form posted to a Twilio webhook with 413', async () => {
    const form = new URLSearchParams({ From: '+15035550147', To: '+15035550100', Body: 'a'.repeat(MEGABYTE), MessageSid: 'SM1' }).toString();
    expectJsonError(await send('/twilio/messaging', form, 'application/x-www-form-urlencoded'), 413, /larger than/);
    expectJsonError(await send('/twilio/voice', form, 'application/x-www-form-urlencoded'), 413, /larger than/);
  });

  it('refuses a 1 MB body of any other content type with 413', async () => {
    expectJsonError(await send('/api/chat', 'a'.repeat(MEGABYTE), 'application/octet-stream'), 413, /larger than/);
    expectJsonError(await send('/api/agents/conversations/conv_x/messages', 'a'.repeat(MEGABYTE), 'text/plain'), 413, /larger than/);
  });

  it('answers malformed JSON with 400 saying it is not valid JSON', async () => {
    expectJsonError(await send('/api/chat', '{"text": "hi"', 'application/json'), 400, /valid JSON/);
    expectJsonError(await send('/api/chat/stream', '{text: hi}', 'application/json'), 400, /valid JSON/);
  });

  it('answers a body that is not JSON with 415', async () => {
    expectJsonError(await send('/api/chat', 'text=hello', 'application/x-www-form-urlencoded'), 415, /application\/json/);
    expectJsonError(await send('/api/chat', 'hello', 'text/plain'), 415, /application\/json/);
    expectJsonError(await send('/api/chat/stream', 'hello', 'text/plain'), 415, /application\/json/);
  });

  it('answers JSON in a charset other than UTF-8 with 415', async () => {
    expectJsonError(await send('/api/chat', JSON.stringify({ text: 'hi' }), 'application/json; charset=latin1'), 415, /UTF-8/);
  });

  it('answers an empty body with 400 as JSON, and no body at all with 415', async () => {
    expectJsonError(await send('/api/chat', '', 'application/json'), 400, /"text" must be a non-empty string/);
    expectJsonError(await send('/api/chat', undefined), 415, /application\/json/);
  });

  it('answers a body that is not an object, or a text that is not a string, with 400', async () => {
    expectJsonError(await send('/api/chat', '[]', 'application/json'), 400, /JSON object with a "text" field/);
    expectJsonError(await send('/api/chat', '"hello"', 'application/json'), 400, /valid JSON|JSON object/);
    for (const text of [42, null, ['hi'], { nested: 'hi' }, true]) {
      expectJsonError(await send('/api/chat', JSON.stringify({ text }), 'application/json'), 400, /"text" must be a non-empty string/);
    }
  });

  it('answers a huge or malformed conversationId with 400, and one in the path as an unknown conversation', async () => {
    expectJsonError(
      await send('/api/chat', JSON.stringify({ text: 'hi', conversationId: 'conv_' + 'a'.repeat(50_000) }), 'application/json'),
      400,
      /conversationId/,
    );
    expectJsonError(await send('/api/chat', JSON.stringify({ text: 'hi', conversationId: { $ne: null } }), 'application/json'), 400, /conversationId/);
    const unknown = await getJson(`${gateway.url}/api/chat/conv_${'0'.repeat(32)}/messages`);
    const huge = await getJson(`${gateway.url}/api/chat/conv_${'a'.repeat(8_000)}/messages`);
    expect(huge.status).toBe(404);
    expect(huge.body.message).toBe(unknown.body.message);
  });

  it('answers a message longer than the channel allows with 400', async () => {
    expectJsonError(await send('/api/chat', JSON.stringify({ text: 'a'.repeat(9_000) }), 'application/json'), 400, /longer than/);
  });

  it('refuses a customer email or name with the wrong type or shape with 400', async () => {
    expectJsonError(await send('/api/chat', JSON.stringify({ text: 'hi', customer: { email: 'a\u0000b' } }), 'application/json'), 400, /email/);
    expectJsonError(await send('/api/chat', JSON.stringify({ text: 'hi', customer: { name: 7 } }), 'application/json'), 400, /name/);
    expectJsonError(await send('/api/chat', JSON.stringify({ text: 'hi', customer: 'me' }), 'application/json'), 400, /customer/);
  });

  it('answers bad JSON to the agent API with 400 before asking for a token', async () => {
    expectJsonError(await send('/api/agents/conversations/conv_x/messages', '{"text":', 'application/json'), 400, /valid JSON/);
  });
});
