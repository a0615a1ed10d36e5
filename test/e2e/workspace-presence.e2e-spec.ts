import { AccountInvitations } from '../../apps/gateway/src/workspace/accounts/account-invitations.service';
import { ChatClient } from '../support/chat.client';
import { RunningGateway, startGateway } from '../support/gateway.harness';
import { WorkspaceClient } from '../support/workspace.client';

const NOBODY_THERE =
  'Nobody from our team is available at this moment, so a member of our team will get back to you here in this chat as soon as someone is back.';
const SOMEONE_THERE = 'A member of our team will get back to you here in this chat.';

/** What a customer handed off is told depends on whether anyone is signed in to the workspace. */
describe('Workspace presence', () => {
  let gateway: RunningGateway;
  let kim: WorkspaceClient;

  beforeAll(async () => {
    gateway = await startGateway();
  }, 120_000);
  afterAll(() => gateway?.close());

  const handoffReply = async () => {
    const reply = await new ChatClient(gateway.url).say('Do you have a loyalty points programme?');
    expect(reply.handoff).not.toBeNull();
    return reply.reply;
  };

  it('tells the customer a person will get back to them on a fresh install with no workspace accounts yet', async () => {
    const reply = await handoffReply();
    expect(reply).toContain(SOMEONE_THERE);
    expect(reply).not.toContain('Nobody from our team');
  });

  it('tells the customer when and where they will hear back while accounts exist but nobody is signed in', async () => {
    await gateway.app.get(AccountInvitations).add('lee@example.com', 'agent');
    expect(await handoffReply()).toContain(NOBODY_THERE);
  });

  it('tells the customer a person will get back to them here once someone is signed in', async () => {
    kim = await WorkspaceClient.signUp(gateway, 'kim@example.com');
    const reply = await handoffReply();
    expect(reply).toContain(SOMEONE_THERE);
    expect(reply).not.toContain('Nobody from our team');
  });

  it('tells the customer nobody is there again once the last person signs out', async () => {
    expect((await kim.call('DELETE', 'session')).status).toBe(204);
    expect(await handoffReply()).toContain(NOBODY_THERE);
  });
});
