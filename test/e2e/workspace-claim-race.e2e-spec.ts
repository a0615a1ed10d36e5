import { ChatClient } from '../support/chat.client';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { createServerDatabase, ServerDatabase } from '../support/server-database';
import { WorkspaceClient } from '../support/workspace.client';

/** On a PostgreSQL server, where claims really run at once on separate connections. */
describe('Claiming a conversation on a PostgreSQL server', () => {
  let database: ServerDatabase;
  let gateway: RunningGateway;
  let team: WorkspaceClient[];

  beforeAll(async () => {
    database = await createServerDatabase();
    gateway = await startGateway({ DATABASE_URL: database.url });
    team = [];
    for (let i = 0; i < 6; i++) team.push(await WorkspaceClient.signUp(gateway, `agent${i}@example.com`));
  }, 120_000);
  afterAll(async () => {
    await gateway?.close();
    await database?.drop();
  });

  it('gives each conversation to exactly one of six people clicking Claim at once; the others are told who has it', async () => {
    for (let round = 0; round < 5; round++) {
      const { conversationId } = await new ChatClient(gateway.url).say('I want to talk to a person');
      const answers = await Promise.all(team.map((person) => person.call('POST', `conversations/${conversationId}/claim`)));
      expect(answers.filter((a) => a.status === 204)).toHaveLength(1);
      const winner = team[answers.findIndex((a) => a.status === 204)].email;
      for (const lost of answers.filter((a) => a.status !== 204)) {
        expect(lost.status).toBe(409);
        expect(lost.body.message).toBe(`${winner} has already taken this conversation.`);
      }
    }
  });
});
