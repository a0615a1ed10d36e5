import { FakeAnthropic, startFakeAnthropic } from '../servers/anthropic';
import { eventually, sleep } from '../support/eventually';
import { GatewayProcess, spawnGateway } from '../support/gateway.process';
import { ServerDatabase, createServerDatabase } from '../support/server-database';
import { WebChatChannel } from './channel-contract/web-chat.channel';

/** A browser that gave up: its request died with the gateway, and the page was closed before it could send again. */
describe('Web chat after a kill -9 mid-turn', () => {
  let claude: FakeAnthropic;
  let database: ServerDatabase;
  let gateway: GatewayProcess | null = null;
  const chat = new WebChatChannel();

  beforeAll(async () => {
    claude = await startFakeAnthropic({ latency: { firstTokenMs: 3_000, tokensPerSecond: 400 } });
    database = await createServerDatabase();
  });
  afterAll(async () => {
    await gateway?.kill();
    await claude?.close();
    await database?.drop();
  });

  const start = async () => {
    gateway = await spawnGateway({ DATABASE_URL: database.url, ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: claude.url });
    await chat.connected(gateway.url);
  };

  it('answers the message the killed turn left, once, in the history the page shows when the customer comes back', async () => {
    await start();
    const message = { id: 'web-recovery-0001', customer: 'returning-customer', text: 'What is your return policy?' };
    const request = chat.deliver(message);
    await eventually(async () => (await database.db.query(`SELECT 1 FROM messages WHERE author = 'customer' AND text = $1`, [message.text])).rows.length > 0);
    await gateway!.kill();
    await request;
    expect(await chat.acknowledged(message)).toBe(false);

    await start();
    await eventually(async () => (await chat.replies(message)) >= 1, 60_000);
    await sleep(3_000);
    expect(await chat.replies(message)).toBe(1);
  }, 240_000);
});
