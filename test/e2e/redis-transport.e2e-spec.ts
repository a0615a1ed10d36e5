import Redis from 'ioredis';
import { AgentReply, AgentTransport, RedisAgentTransport, TurnHandler } from '@support/conversation';
import { createLogger, loadConfig } from '@support/platform';
import { AgentWorkerProcess, startAgentWorker } from '../../apps/agent/src/agent-worker';
import { ChatClient, postJson } from '../support/chat.client';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { eventually } from '../support/eventually';
import { claimRedisDatabase, TestRedisDatabase } from '../support/redis-database';
import { createServerDatabase, ServerDatabase } from '../support/server-database';

const AGENT_TOKEN = 'redis-test-agent-token-0123456789';

/** Reads a chat page's event stream (`GET /api/chat/:id/events`) as it comes. */
async function openPageEvents(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  const readUntil = async (pattern: RegExp) => {
    while (!pattern.test(buffered)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before ${pattern}`);
      buffered += decoder.decode(value, { stream: true });
    }
    return buffered;
  };
  return { status: response.status, readUntil, close: () => controller.abort() };
}

/** Gateway and agent as separate apps, several workers, connected through Redis (BullMQ + pub/sub). */
describe('Gateway and agent workers through Redis', () => {
  let database: ServerDatabase;
  let redis: TestRedisDatabase;
  let gateway: RunningGateway;
  let env: Record<string, string>;
  const workers: AgentWorkerProcess[] = [];

  beforeAll(async () => {
    redis = await claimRedisDatabase();
    database = await createServerDatabase();
    env = {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: redis.keyPrefix,
      LOG_LEVEL: 'silent',
      AGENT_CONCURRENCY: '2',
      AGENT_API_TOKEN: AGENT_TOKEN,
    };
    gateway = await startGateway(env);
    for (let i = 0; i < 2; i++) workers.push(await startAgentWorker(loadConfig(env), { logger: createLogger('silent') }));
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await gateway?.close();
    await database?.drop();
    await redis?.release();
  });

  const rows = (sql: string, params: unknown[] = []) => database.db.query<any>(sql, params).then((r) => r.rows);

  it('answers a customer through a worker', async () => {
    const { reply } = await new ChatClient(gateway.url).say('Where is my order #W9000011? My zip is 60614');
    expect(reply).toContain('FedEx');
  });

  it('answers the messages of one conversation in the order they came, each once, across workers', async () => {
    const customer = new ChatClient(gateway.url);
    await customer.say('Hi');
    const questions = ['What is your return policy?', 'How long do refunds to a card take?', 'Do you ship to Canada?', 'How do I reset my password?'];
    const replies = await Promise.all(
      questions.map((text) => postJson(`${gateway.url}/api/chat`, { conversationId: customer.conversationId, text }, customer.sessionHeaders())),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);

    const messages = await rows(`SELECT id, author FROM messages WHERE conversation_id = $1 ORDER BY seq`, [customer.conversationId]);
    const turns = await rows(`SELECT message_id FROM agent_turns WHERE conversation_id = $1 ORDER BY created_at`, [customer.conversationId]);
    const customerMessages = messages.filter((m: any) => m.author === 'customer').map((m: any) => m.id);
    expect(turns.map((t: any) => t.message_id)).toEqual(customerMessages);
  });

  it('never answers the same message twice, even when two workers are handed it at once', async () => {
    const customer = new ChatClient(gateway.url);
    await customer.say('Hello');
    const [message] = await rows(`SELECT id FROM messages WHERE conversation_id = $1 AND author = 'customer'`, [customer.conversationId]);
    const turn = { conversationId: customer.conversationId!, messageId: message.id };
    const [a, b] = await Promise.all(workers.map((w) => w.app.get(TurnHandler).handle(turn, () => undefined)));
    expect(a.replyMessageId).toBe(b.replyMessageId);
    const turns = await rows(`SELECT id FROM agent_turns WHERE message_id = $1`, [message.id]);
    expect(turns).toHaveLength(1);
  });

  it('answers a message handed over again after it was answered (its gateway died before sending) from the stored turn', async () => {
    const customer = new ChatClient(gateway.url);
    const first = await customer.say('What is your return policy?');
    const [message] = await rows(`SELECT id FROM messages WHERE conversation_id = $1 AND author = 'customer'`, [customer.conversationId]);
    const transport = gateway.app.get(AgentTransport);
    let unsubscribe = () => undefined as void;
    const again = new Promise<AgentReply>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no reply to the message handed over again')), 15_000);
      void transport
        .subscribe(customer.conversationId!, (event) => {
          if (event.type === 'completed' && event.messageId === message.id) {
            clearTimeout(timer);
            resolve(event.reply);
          }
        })
        .then((off) => {
          unsubscribe = off;
          return transport.submit({ conversationId: customer.conversationId!, messageId: message.id });
        });
    });

    const reply = await again.finally(() => unsubscribe());
    expect(reply.text).toBe(first.reply);
    expect(await rows(`SELECT id FROM agent_turns WHERE message_id = $1`, [message.id])).toHaveLength(1);
  });

  it('keeps every key under REDIS_KEY_PREFIX, so installations sharing one Redis never meet', async () => {
    await new ChatClient(gateway.url).say('Hi there');
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys('*');
      const product = keys.filter((key) => !key.startsWith('support-test:'));
      expect(product.length).toBeGreaterThan(0);
      expect(product.filter((key) => !key.startsWith(`${redis.keyPrefix}:`))).toEqual([]);
    } finally {
      client.disconnect();
    }
  });

  it('hands turns to Redis rather than to an agent inside the gateway', () => {
    expect(gateway.app.get(AgentTransport)).toBeInstanceOf(RedisAgentTransport);
  });

  it("delivers a person's reply to the customer's chat page on another gateway, and says so when no page is open anywhere", async () => {
    const other = await startGateway(env);
    try {
      const customer = new ChatClient(gateway.url);
      await customer.say('I want to talk to a real person.');
      const reply = (text: string) =>
        fetch(`${other.url}/api/agents/conversations/${customer.conversationId}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${AGENT_TOKEN}` },
          body: JSON.stringify({ text }),
        });

      const page = await openPageEvents(`${gateway.url}/api/chat/${customer.conversationId}/events`, customer.sessionHeaders());
      expect(page.status).toBe(200);
      await page.readUntil(/: connected/);
      expect((await reply("Hi, I'm Sam from the support team.")).status).toBe(201);
      const events = await page.readUntil(/event: message\ndata: .*\n\n/);
      expect(JSON.parse(/event: message\ndata: (.*)\n/.exec(events)![1])).toMatchObject({ author: 'human_agent', text: "Hi, I'm Sam from the support team." });
      page.close();

      const unsent = await eventually(async () => {
        const answer = await reply('Are you still there?');
        return answer.status === 422 ? answer.json() : null;
      });
      expect(unsent.message).toMatch(/no chat page open/);
    } finally {
      await other.close();
    }
  });
});
