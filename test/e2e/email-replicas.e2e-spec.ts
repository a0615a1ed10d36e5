import Redis from 'ioredis';
import { CustomerMailBuilder } from '../../channels/src/email/testing/customer-mail.builder';
import { AgentWorkerProcess, spawnAgentWorker } from '../support/agent-worker.process';
import { eventually, sleep } from '../support/eventually';
import { GatewayProcess, spawnGateway } from '../support/gateway.process';
import { claimRedisDatabase, TestRedisDatabase } from '../support/redis-database';
import { createServerDatabase, ServerDatabase } from '../support/server-database';
import { DovecotServer, startDovecot } from '../servers/imap/dovecot.server';
import { mailboxWatched } from '../servers/imap/mailbox-watched';
import { SmtpCaptureServer, startSmtpCapture } from '../servers/smtp/smtp-capture.server';

const SUPPORT = 'support@shop.example';

/** Two gateways and two agent workers on one database and one Redis, against a real dovecot: one gateway watches the mailbox, the other stands by. */
describe('One mailbox watcher across gateways', () => {
  let imap: DovecotServer;
  let smtp: SmtpCaptureServer;
  let database: ServerDatabase;
  let redis: TestRedisDatabase;
  let redisClient: Redis;
  let gateways: GatewayProcess[] = [];
  let workers: AgentWorkerProcess[] = [];

  beforeAll(async () => {
    [imap, smtp, database, redis] = await Promise.all([startDovecot(SUPPORT), startSmtpCapture(), createServerDatabase(), claimRedisDatabase()]);
    redisClient = new Redis(redis.url);
    const env = {
      ...imap.env,
      ...smtp.env,
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: redis.keyPrefix,
      SUPPORT_EMAIL_FROM: `Shop Support <${SUPPORT}>`,
      EMAIL_POLL_INTERVAL_MS: '500',
      LOG_LEVEL: 'info',
    };
    // The agent workers start together: one indexes the help center, the other waits for that and skips it.
    [gateways, workers] = await Promise.all([Promise.all([spawnGateway(env), spawnGateway(env)]), Promise.all([spawnAgentWorker(env), spawnAgentWorker(env)])]);
    await mailboxWatched(database.db);
  }, 240_000);
  afterAll(async () => {
    await Promise.all(gateways.map((g) => g.kill()));
    for (const worker of workers) worker.signal('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    redisClient?.disconnect();
    await Promise.all([imap?.close(), smtp?.close()]);
    await database?.drop();
    await redis?.release();
  }, 30_000);

  const customerMail = (id: string) =>
    CustomerMailBuilder.from(`${id}@customer.example`)
      .to(SUPPORT)
      .messageId(`<${id}@customer.example>`)
      .subject('Refunds')
      .text('How long do refunds take to a credit card?')
      .build();
  const repliesTo = (id: string) => smtp.received.filter((m) => m.parsed.inReplyTo === `<${id}@customer.example>`);
  /** The gateway whose process id is in the mailbox lease's token. */
  const leaseholder = async () => {
    const [key] = await redisClient.keys(`${redis.keyPrefix}:lease:imap:*`);
    const token = key ? await redisClient.get(key) : null;
    return gateways.find((g) => token?.split(':')[1] === String(g.pid));
  };

  it('indexes the help center once for agent workers that start together', async () => {
    const logs = workers.map((w) => w.output());
    expect(logs.filter((log) => log.includes('"msg":"help center indexed"'))).toHaveLength(1);
    expect(logs.filter((log) => log.includes('help center indexed by another process'))).toHaveLength(1);
  });

  it('answers a mail once, though two gateways run', async () => {
    await imap.append(await customerMail('one'));
    await eventually(() => repliesTo('one').length === 1, 30_000);
    await sleep(2_000); // four more polls, on whichever gateway
    expect(repliesTo('one')).toHaveLength(1);
  }, 60_000);

  it('lets the other gateway take the mailbox over within seconds when the watching one is killed', async () => {
    const holder = (await eventually(leaseholder))!;
    await holder.kill();
    const killedAt = Date.now();
    gateways = gateways.filter((g) => g !== holder);
    await imap.append(await customerMail('after-kill'));

    await eventually(() => repliesTo('after-kill').length === 1, 30_000);
    const answeredAfterMs = Date.now() - killedAt;
    await sleep(2_000);
    expect(repliesTo('after-kill')).toHaveLength(1);
    expect(repliesTo('one')).toHaveLength(1);
    expect(await leaseholder()).toBe(gateways[0]);
    expect(answeredAfterMs).toBeLessThan(15_000);
    console.info(`mail sent after the watcher was killed answered ${answeredAfterMs} ms after the kill`);
  }, 60_000);
});
