import { hostname } from 'node:os';
import { Queue } from 'bullmq';
import { redisNames } from '@support/conversation';
import { FakeAnthropic, startFakeAnthropic } from '../servers/anthropic';
import { AgentWorkerProcess, spawnAgentWorker } from '../support/agent-worker.process';
import { ChatClient } from '../support/chat.client';
import { eventually } from '../support/eventually';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { claimRedisDatabase, TestRedisDatabase } from '../support/redis-database';
import { createServerDatabase, ServerDatabase } from '../support/server-database';

const TURN_DEADLINE_MS = 20_000;
const QUESTION = 'Do you ship to Canada?';

/** Agent workers as separate processes behind one gateway; one of them dies, or freezes, in the middle of a turn. */
describe('A turn whose agent worker dies is answered by another, once', () => {
  let database: ServerDatabase;
  let redis: TestRedisDatabase;
  let claude: FakeAnthropic;
  let gateway: RunningGateway;
  let queue: Queue;
  let env: Record<string, string>;
  const workers: AgentWorkerProcess[] = [];

  beforeAll(async () => {
    [database, redis, claude] = await Promise.all([createServerDatabase(), claimRedisDatabase(), startFakeAnthropic()]);
    env = {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: redis.keyPrefix,
      ANTHROPIC_API_KEY: 'test',
      ANTHROPIC_BASE_URL: claude.url,
      ANTHROPIC_MAX_RETRIES: '0',
      TURN_DEADLINE_MS: String(TURN_DEADLINE_MS),
      // The local router decides every message, so the model is asked only for the answer.
      ROUTER_CONFIDENCE_THRESHOLD: '0',
      AGENT_CONCURRENCY: '1',
    };
    gateway = await startGateway(env);
    workers.push(...(await Promise.all([spawnAgentWorker(env), spawnAgentWorker(env)])));
    const names = redisNames(redis.keyPrefix);
    queue = new Queue(names.turnQueue, { connection: { url: redis.url }, prefix: names.queuePrefix });
  }, 240_000);
  afterAll(async () => {
    for (const worker of workers) worker.signal('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    await queue?.close();
    await gateway?.close();
    await claude?.close();
    await database?.drop();
    await redis?.release();
  });
  beforeEach(() => claude.reset());

  const rows = (sql: string, params: unknown[] = []) => database.db.query<any>(sql, params).then((r) => r.rows);
  const answerRequests = () => claude.requests.filter((r) => r.body?.tools?.some((t) => t.name === 'lookup_order'));
  /** The worker process whose lock the turn's job is under (BullMQ names it on the job). */
  const holderOfTurn = async () => {
    const [job] = await queue.getActive();
    return workers.find((w) => job?.processedBy === `${hostname()}:${w.pid}`);
  };
  const storedAnswers = async (conversationId: string) => ({
    botMessages: await rows(`SELECT text FROM messages WHERE conversation_id = $1 AND author = 'bot'`, [conversationId]),
    turns: await rows(`SELECT message_id FROM agent_turns WHERE conversation_id = $1`, [conversationId]),
  });

  it('answers within the turn deadline when the worker holding the turn is killed (kill -9)', async () => {
    claude.script({ delayMs: 60_000, reply: 'An answer from a worker that is gone.' });
    const customer = new ChatClient(gateway.url);
    const sentAt = Date.now();
    const answered = customer.say(QUESTION);

    await eventually(() => answerRequests().length === 1, 15_000);
    const holder = (await eventually(holderOfTurn))!;
    holder.signal('SIGKILL');
    const killedAt = Date.now();
    const { reply, handoff } = await answered;
    const takeoverMs = Date.now() - killedAt;
    workers.splice(workers.indexOf(holder), 1);
    workers.push(await spawnAgentWorker(env));

    expect(reply).not.toContain('gone');
    expect(handoff).toBeNull();
    expect(Date.now() - sentAt).toBeLessThan(TURN_DEADLINE_MS);
    expect(takeoverMs).toBeLessThan(10_000);
    const { botMessages, turns } = await storedAnswers(customer.conversationId!);
    expect(botMessages).toEqual([{ text: reply }]);
    expect(turns).toHaveLength(1);
    console.info(`turn taken over and answered ${takeoverMs} ms after its worker was killed`);
  }, 90_000);

  it('keeps the first answer when a frozen worker comes back and finishes the same turn late', async () => {
    claude.script({ delayMs: 2_000, reply: 'A late answer from a frozen worker.' });
    const customer = new ChatClient(gateway.url);
    const answered = customer.say(QUESTION);

    await eventually(() => answerRequests().length === 1, 15_000);
    const frozen = (await eventually(holderOfTurn))!;
    frozen.signal('SIGSTOP');
    const { reply } = await answered;
    frozen.signal('SIGCONT');
    // Back, it gets its model's answer (or its deadline), cannot store a second answer to the message, and keeps the first.
    await eventually(() => frozen.output().includes('turn already answered by another worker; its answer stands'), 30_000);
    expect(frozen.output()).not.toMatch(/agent turn failed/);

    expect(reply).not.toContain('frozen');
    const { botMessages, turns } = await storedAnswers(customer.conversationId!);
    expect(botMessages).toEqual([{ text: reply }]);
    expect(turns).toHaveLength(1);
    const page = await fetch(`${gateway.url}/api/chat/${customer.conversationId}/messages`, { headers: customer.sessionHeaders() }).then((r) => r.json());
    expect(JSON.stringify(page)).not.toContain('frozen');
  }, 90_000);
});
