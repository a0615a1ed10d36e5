import { ChatClient } from '../support/chat.client';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { createServerDatabase, ServerDatabase } from '../support/server-database';

describe('The product on a PostgreSQL server (DATABASE_URL)', () => {
  let database: ServerDatabase;
  let gateway: RunningGateway;

  beforeAll(async () => {
    database = await createServerDatabase();
    gateway = await startGateway({ DATABASE_URL: database.url });
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await database?.drop();
  });

  it('migrates the server, seeds the demo shop and answers from the help center', async () => {
    const { reply } = await new ChatClient(gateway.url).say('What is your return policy?');
    expect(reply).toContain('POL-RETURN-30D');
    expect(await (await fetch(`${gateway.url}/readyz`)).json()).toEqual({ status: 'ready', database: 'server' });
  });

  it('persists the conversation on the server, where another process can read it', async () => {
    const customer = new ChatClient(gateway.url);
    await customer.say('Where is my order #W9000011? My zip is 60614');
    const { rows } = await database.db.query<{ author: string; text: string }>(`SELECT author, text FROM messages WHERE conversation_id = $1 ORDER BY seq`, [
      customer.conversationId,
    ]);
    expect(rows.map((r) => r.author)).toEqual(['customer', 'bot']);
    expect(rows[1].text).toContain('FedEx');
  });

  it('starts again on the same database without redoing its migrations or seeding twice', async () => {
    const again = await startGateway({ DATABASE_URL: database.url });
    try {
      const { rows } = await database.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM shop_orders`);
      expect(rows[0].n).toBe(16);
    } finally {
      await again.close();
    }
  });
});
