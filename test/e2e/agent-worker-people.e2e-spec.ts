import { ConversationStates } from '@support/conversation';
import { AccountInvitations } from '../../apps/gateway/src/workspace/accounts/account-invitations.service';
import { AgentWorkerProcess, spawnAgentWorker } from '../support/agent-worker.process';
import { ChatClient, getJson } from '../support/chat.client';
import { eventually } from '../support/eventually';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { claimRedisDatabase, TestRedisDatabase } from '../support/redis-database';
import { createServerDatabase, ServerDatabase } from '../support/server-database';
import { WorkspaceClient } from '../support/workspace.client';

const NOBODY_THERE = 'Nobody from our team is available at this moment';
const SOMEONE_THERE = 'A member of our team will get back to you here in this chat.';

/**
 * The agent in worker processes of its own (REDIS_URL), as in production: who is signed in to the workspace, and who a
 * message is for, come from the shared database, not from the memory of the process that answers.
 */
describe('People and the bot with separate agent worker processes', () => {
  let database: ServerDatabase;
  let redis: TestRedisDatabase;
  let gateway: RunningGateway;
  let worker: AgentWorkerProcess;

  beforeAll(async () => {
    [database, redis] = await Promise.all([createServerDatabase(), claimRedisDatabase()]);
    const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, REDIS_KEY_PREFIX: redis.keyPrefix };
    gateway = await startGateway(env);
    worker = await spawnAgentWorker(env);
  }, 240_000);
  afterAll(async () => {
    worker?.signal('SIGCONT');
    worker?.signal('SIGKILL');
    await worker?.exited;
    await gateway?.close();
    await database?.drop();
    await redis?.release();
  });

  const handoffReply = async () => {
    const reply = await new ChatClient(gateway.url).say('Do you have a loyalty points programme?');
    expect(reply.handoff).not.toBeNull();
    return reply.reply;
  };

  it('tells a handed-off customer honestly that nobody is there when accounts exist but nobody is signed in', async () => {
    await gateway.app.get(AccountInvitations).add('lee@example.com', 'agent');

    const reply = await handoffReply();

    expect(reply).toContain(NOBODY_THERE);
    expect(reply).not.toContain(SOMEONE_THERE);
  }, 60_000);

  it('tells a handed-off customer a person will follow up once someone is signed in to the workspace', async () => {
    const kim = await WorkspaceClient.signUp(gateway, 'kim@example.com');

    const reply = await handoffReply();

    expect(reply).toContain(SOMEONE_THERE);
    expect(reply).not.toContain('Nobody from our team');
    expect((await kim.call('DELETE', 'session')).status).toBe(204);
    expect(await handoffReply()).toContain(NOBODY_THERE);
  }, 60_000);

  it('never answers a message sent while a person had the conversation when the worker only takes its turn after they unassigned', async () => {
    const states = gateway.app.get(ConversationStates);
    const customer = new ChatClient(gateway.url);
    await customer.say('I want to talk to a person');
    await states.claim(customer.conversationId!, 'agent_sam');
    worker.signal('SIGSTOP'); // the turn waits in the queue

    const pending = customer.say('The parcel arrived with a cracked screen, what now?');
    await eventually(async () => {
      const { body } = await getJson(`${gateway.url}/api/chat/${customer.conversationId}/messages`, customer.sessionHeaders());
      return body.messages.length === 3;
    });
    await states.unassign(customer.conversationId!, { by: 'agent_sam' });
    worker.signal('SIGCONT');
    const late = await pending;

    expect(late).toMatchObject({ reply: '', waitingFor: 'person' });
    const { body } = await getJson(`${gateway.url}/api/chat/${customer.conversationId}/messages`, customer.sessionHeaders());
    expect(body.messages.map((m: { author: string }) => m.author)).toEqual(['customer', 'bot', 'customer']);
  }, 90_000);
});
