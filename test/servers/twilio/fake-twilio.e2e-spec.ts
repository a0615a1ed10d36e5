import { TwilioMessagesClient, TwilioSendError } from '@support/channels';
import { createServer } from 'node:net';
import { FakeTwilio, startFakeTwilio, twilioError } from '.';

const ACCOUNT_SID = `AC${'f0'.repeat(16)}`;
const AUTH_TOKEN = 'fake-twilio-token';

describe('Fake Twilio Messages API with the real twilio SDK', () => {
  let fake: FakeTwilio;
  let client: TwilioMessagesClient;

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    client = new TwilioMessagesClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiBaseUrl: fake.url });
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('creates a message through the SDK: form body, basic auth, 201 with the resource JSON', async () => {
    const created = await client.create('sms', { to: '+15035550147', from: '+15550001000', body: 'Hello there', statusCallback: 'https://x.example/status' });
    expect(created).toEqual({ sid: expect.stringMatching(/^SM[0-9a-f]{32}$/), status: 'queued' });
    expect(fake.sent[0]).toMatchObject({ sid: created.sid, to: '+15035550147', from: '+15550001000', body: 'Hello there', statusCallback: 'https://x.example/status' });
    expect(fake.requests[0]).toEqual({ method: 'POST', path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`, status: 201 });
  });

  it('sends through a Messaging Service when one is given', async () => {
    const created = await client.create('sms', { to: '+15035550147', messagingServiceSid: `MG${'0'.repeat(32)}`, body: 'Hi' });
    expect(created.status).toBe('accepted');
    expect(fake.sent[0].form).not.toHaveProperty('From');
  });

  it("turns Twilio's error bodies into typed errors with the code", async () => {
    await expect(client.create('sms', { to: 'not-a-number', from: '+15550001000', body: 'x' })).rejects.toMatchObject({ code: 21211, status: 400, retryable: false });
    fake.optOut('+15035550148');
    await expect(client.create('sms', { to: '+15035550148', from: '+15550001000', body: 'x' })).rejects.toMatchObject({ code: 21610, retryable: false });
    fake.failNext(twilioError(503, 20500, 'Internal Server Error'));
    await expect(client.create('sms', { to: '+15035550147', from: '+15550001000', body: 'x' })).rejects.toMatchObject({ status: 503, retryable: true });
  });

  it('refuses wrong credentials with 401 / 20003', async () => {
    const wrong = new TwilioMessagesClient({ accountSid: ACCOUNT_SID, authToken: 'wrong', apiBaseUrl: fake.url });
    await expect(wrong.create('sms', { to: '+15035550147', from: '+15550001000', body: 'x' })).rejects.toMatchObject({ status: 401, code: 20003 });
  });

  it('reports an unreachable API as a retryable error', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const offline = new TwilioMessagesClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiBaseUrl: `http://127.0.0.1:${port}` });
    const error = await offline.create('sms', { to: '+15035550147', from: '+15550001000', body: 'x' }).catch((e) => e);
    expect(error).toBeInstanceOf(TwilioSendError);
    expect(error).toMatchObject({ retryable: true, status: null });
  });
});
