import { BaseUrlRequestClient, TwilioMessagesClient, TwilioSendError } from '@support/channels';
import twilio from 'twilio';
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
    expect(fake.sent[0]).toMatchObject({
      sid: created.sid,
      to: '+15035550147',
      from: '+15550001000',
      body: 'Hello there',
      statusCallback: 'https://x.example/status',
    });
    expect(fake.requests[0]).toEqual({ method: 'POST', path: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`, status: 201 });
  });

  it('sends through a Messaging Service when one is given', async () => {
    const created = await client.create('sms', { to: '+15035550147', messagingServiceSid: `MG${'0'.repeat(32)}`, body: 'Hi' });
    expect(created.status).toBe('accepted');
    expect(fake.sent[0].form).not.toHaveProperty('From');
  });

  it("turns Twilio's error bodies into typed errors with the code", async () => {
    await expect(client.create('sms', { to: 'not-a-number', from: '+15550001000', body: 'x' })).rejects.toMatchObject({
      code: 21211,
      status: 400,
      retryable: false,
    });
    fake.optOut('+15035550148');
    await expect(client.create('sms', { to: '+15035550148', from: '+15550001000', body: 'x' })).rejects.toMatchObject({ code: 21610, retryable: false });
    fake.failNext(twilioError(503, 20500, 'Internal Server Error'));
    await expect(client.create('sms', { to: '+15035550147', from: '+15550001000', body: 'x' })).rejects.toMatchObject({
      status: 503,
      retryable: true,
      kind: 'unknown',
    });
    fake.failNext(twilioError(429, 20429, 'Too Many Requests'));
    await expect(client.create('sms', { to: '+15035550147', from: '+15550001000', body: 'x' })).rejects.toMatchObject({
      status: 429,
      retryable: true,
      kind: 'refused',
    });
  });

  it('refuses wrong credentials with 401 / 20003', async () => {
    const wrong = new TwilioMessagesClient({ accountSid: ACCOUNT_SID, authToken: 'wrong', apiBaseUrl: fake.url });
    await expect(wrong.create('sms', { to: '+15035550147', from: '+15550001000', body: 'x' })).rejects.toMatchObject({ status: 401, code: 20003 });
  });

  it('lists messages the way the SDK pages them, filtered by To, From and DateSent', async () => {
    for (const body of ['one', 'two', 'three']) await client.create('sms', { to: '+15035550147', from: '+15550001000', body });
    await client.create('sms', { to: '+15035550199', from: '+15550001000', body: 'two' });
    const sdk = twilio(ACCOUNT_SID, AUTH_TOKEN, { httpClient: new BaseUrlRequestClient(fake.url) });
    const listed = await sdk.messages.list({ to: '+15035550147', from: '+15550001000', dateSentAfter: new Date(Date.now() - 60_000), pageSize: 2 });
    expect(listed.map((m) => m.body)).toEqual(['three', 'two', 'one']);
    expect(listed[0]).toMatchObject({ status: 'sent', dateSent: expect.any(Date) });
    expect(await sdk.messages.list({ to: '+15035550147', dateSentAfter: new Date(Date.now() + 60_000) })).toEqual([]);
    expect(fake.requests.filter((r) => r.method === 'GET')).toHaveLength(3);
    const found = await client.findSent('sms', { to: '+15035550147', from: '+15550001000', body: 'two', createdAfter: new Date(Date.now() - 60_000) });
    expect(found).toEqual({ sid: fake.sent[1].sid, status: 'sent' });
    expect(await client.findSent('sms', { to: '+15035550147', body: 'never sent', createdAfter: new Date(Date.now() - 60_000) })).toBeNull();
  });

  it('keeps a message it holds in its queue out of DateSent filters, and findSent still finds it by its creation date', async () => {
    fake.holdInQueue();
    await client.create('sms', { to: '+15035550147', from: '+15550001000', body: 'queued' });
    const sdk = twilio(ACCOUNT_SID, AUTH_TOKEN, { httpClient: new BaseUrlRequestClient(fake.url) });
    const [listed] = await sdk.messages.list({ to: '+15035550147' });
    expect(listed).toMatchObject({ body: 'queued', status: 'queued', dateSent: null });
    expect(await sdk.messages.list({ to: '+15035550147', dateSentAfter: new Date(Date.now() - 60_000) })).toEqual([]);
    const since = new Date(Date.now() - 60_000);
    expect(await client.findSent('sms', { to: '+15035550147', from: '+15550001000', body: 'queued', createdAfter: since })).toEqual({
      sid: fake.sent[0].sid,
      status: 'queued',
    });
    expect(await client.findSent('sms', { to: '+15035550147', body: 'queued', createdAfter: new Date(Date.now() + 60_000) })).toBeNull();
    fake.holdInQueue(false);
    expect(await client.findSent('sms', { to: '+15035550147', body: 'queued', createdAfter: since })).toMatchObject({ status: 'sent' });
  });

  it('takes a message and answers after the client has given up: the outcome is unknown, not a refusal', async () => {
    const impatient = new TwilioMessagesClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, apiBaseUrl: fake.url, timeoutMs: 200 });
    fake.quirkNext({ kind: 'late', ms: 1_000 }, { kind: 'reset' });
    await expect(impatient.create('sms', { to: '+15035550147', from: '+15550001000', body: 'slow' })).rejects.toMatchObject({ kind: 'unknown', status: null });
    await expect(impatient.create('sms', { to: '+15035550147', from: '+15550001000', body: 'cut' })).rejects.toMatchObject({ kind: 'unknown', status: null });
    expect(fake.sent.map((m) => m.body)).toEqual(['slow', 'cut']);
    fake.failNext(twilioError(503, 20500, 'Internal Server Error'));
    await expect(client.create('sms', { to: '+15035550147', from: '+15550001000', body: 'x' })).rejects.toMatchObject({ kind: 'unknown', status: 503 });
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
    // Nothing reached Twilio, so sending again cannot text twice.
    expect(error).toMatchObject({ retryable: true, status: null, kind: 'unreached' });
  });
});
