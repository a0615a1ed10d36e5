import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { numberFlag, parseFlags, UsageError } from './support/cli-flags';
import { reportProgress } from './support/progress';
import { readScriptedConversations } from './support/scripted-conversations';
import { traceAnomalies } from './faults/anomaly-trace';
import { BurstDriver } from './faults/burst-driver';
import { anomalies, channelFigures } from './faults/channel-figures';
import { CustomerView } from './faults/customer-view';
import { FaultEnvironment, KeptFolders } from './faults/fault-environment';
import { FaultInjector } from './faults/fault-injector';
import { FAULT_TARGETS, planFaults } from './faults/fault-plan';
import { anomalyLines, channelTable, faultTable } from './faults/faults-report';
import { MailCustomer } from './faults/mail-customer';
import { planBurst } from './faults/message-plan';
import { waitForQuiescence } from './faults/quiescence';
import { RedisPersistence } from './faults/private-redis';
import { SeededRandom } from './faults/seeded-random';
import { TwilioCustomer } from './faults/twilio-customer';
import { redeliverTwilioWebhooks } from './faults/twilio-redelivery';
import { WebChatCustomer } from './faults/web-chat-customer';

const USAGE =
  'usage: npm run bench:faults -- [--messages N] [--kills K] [--seed S] [--rate MSG_PER_S] [--workers W] [--redis-persistence aof|none] [--settle-s S] [--json <file>] [--keep]\n' +
  '  --keep  keep the private PostgreSQL, Redis and dovecot data folders and the product logs (at info level) after the run, and print where they are';
const FLAGS = ['messages', 'kills', 'seed', 'rate', 'workers', 'redis-persistence', 'settle-s', 'json'];
const SWITCHES = ['keep'];
const CONVERSATIONS = join(__dirname, 'data', 'support-conversations.json');
/** How long the mail server and the browser keep retrying one message. */
const RETRY_WINDOW_MS = 180_000;
/** About what one kill takes, down and back (a gateway or worker restart is the longest): the burst lasts long enough for every kill to land in it. */
const SECONDS_PER_KILL = 10;

interface Options {
  messages: number;
  kills: number;
  seed: number;
  ratePerS: number;
  workers: number;
  redisPersistence: RedisPersistence;
  settleMs: number;
  json?: string;
  keep: boolean;
}

function readOptions(argv: string[]): Options {
  const flags = parseFlags(argv, FLAGS, SWITCHES);
  const persistence = flags.get('redis-persistence') ?? 'aof';
  if (persistence !== 'aof' && persistence !== 'none') throw new UsageError(`--redis-persistence must be aof or none, got "${persistence}"`);
  return {
    messages: numberFlag(flags, 'messages', 120, 4, 100_000),
    kills: numberFlag(flags, 'kills', 5, 0, 1_000),
    seed: numberFlag(flags, 'seed', 1, 0, 2 ** 32 - 1),
    ratePerS: numberFlag(flags, 'rate', 4, 0.1, 100),
    workers: numberFlag(flags, 'workers', 2, 1, 8),
    redisPersistence: persistence,
    settleMs: numberFlag(flags, 'settle-s', 25, 1, 3_600) * 1_000,
    json: flags.get('json'),
    keep: flags.has('keep'),
  };
}

async function measure(options: Options, environment: FaultEnvironment) {
  const random = new SeededRandom(options.seed);
  const runId = `s${options.seed}`;
  const scripts = readScriptedConversations(CONVERSATIONS).filter((s) => s.route === 'faq');
  const durationS = Math.max(options.messages / options.ratePerS, options.kills * SECONDS_PER_KILL);
  const plan = planBurst(options.messages, options.messages / durationS, scripts, random, runId);
  const faults = planFaults(options.kills, durationS, FAULT_TARGETS, random);
  const gatewayUrl = () => environment.fleet.gatewayUrl;
  const twilio = new TwilioCustomer(gatewayUrl);
  const burst = new BurstDriver({ twilio, mail: new MailCustomer(environment.dovecot), newWebChat: () => new WebChatCustomer(gatewayUrl) }, RETRY_WINDOW_MS);
  const injector = new FaultInjector(environment, random);

  reportProgress(`burst: ${options.messages} messages over ${durationS.toFixed(0)} s on SMS, WhatsApp, email and web chat; ${options.kills} kills`);
  const startedAt = Date.now();
  await Promise.all([burst.run(plan, startedAt), injector.run(faults, startedAt)]);
  const supervision = injector.superviseUntilStopped();
  const redelivered = await redeliverTwilioWebhooks(burst.outcomes, twilio);
  const view = new CustomerView(environment.twilio, environment.smtp, environment.postgres.url);
  reportProgress('waiting until the product stops answering');
  await waitForQuiescence(view, burst.outcomes, { settleMs: options.settleMs, stallMs: Math.max(90_000, options.settleMs * 2) });
  injector.stop();
  await supervision;
  const counts = await view.count(burst.outcomes, burst.conversations);
  const found = anomalies(burst.outcomes, counts);
  const traces = await traceAnomalies(environment.postgres.url, found);
  return {
    channels: channelFigures(burst.outcomes, counts),
    faults: injector.done,
    crashes: injector.crashes,
    redeliveredWebhooks: redelivered,
    anomalies: found.map((a) => ({ ...a, ...(traces.has(a) ? { product: traces.get(a) } : {}) })),
    anomalyLines: anomalyLines(found, traces),
    elapsedS: (Date.now() - startedAt) / 1_000,
  };
}

/** Mail appended before the gateway first looked at the mailbox would count as history, never answered: wait for it. */
async function untilMailboxWatched(databaseUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const client = new Client({ connectionString: databaseUrl });
    try {
      await client.connect();
      if ((await client.query(`SELECT 1 FROM email_mailbox_state`)).rows.length) return;
    } catch {
      // the table appears with the gateway's migrations
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the gateway did not start watching the mailbox within 60 s (no row in email_mailbox_state)');
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  let environment: FaultEnvironment;
  let started: FaultEnvironment | undefined;
  try {
    // Kept logs are for finding a cause: at info level they say what became of each message.
    environment = await FaultEnvironment.start({
      workers: options.workers,
      redisPersistence: options.redisPersistence,
      logLevel: options.keep ? 'info' : 'warn',
      keep: options.keep,
    });
    started = environment;
    await untilMailboxWatched(environment.postgres.url);
  } catch (error) {
    await started?.close({ keep: options.keep });
    if (started && options.keep) process.stderr.write(keptText(started.folders));
    process.stderr.write(
      `bench:faults could not start its private servers or the product: ${(error as Error).message}\n` +
        'It needs the PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin), redis-server and dovecot installed ' +
        '(scripts/ensure-test-services.sh installs them as root); run `npm start` alone to see whether the product starts.\n',
    );
    return 3;
  }
  const close = async () => {
    await environment.close({ keep: options.keep });
    if (options.keep) process.stderr.write(keptText(environment.folders));
  };
  const closeAndExit = (code: number) => void close().finally(() => process.exit(code));
  process.once('SIGINT', () => closeAndExit(130));
  process.once('SIGTERM', () => closeAndExit(143));
  try {
    const result = await measure(options, environment);
    process.stdout.write(`${channelTable(result.channels)}\n\n${faultTable(result.faults)}\n`);
    if (result.crashes.length)
      process.stdout.write(
        `\nprocesses that died on their own and were restarted (${result.crashes.length}):\n${result.crashes.map((c) => `  ${c}`).join('\n')}\n`,
      );
    const all = result.channels.find((r) => r.channel === 'all')!;
    if (result.anomalies.length) process.stdout.write(`\nnot answered exactly once (${result.anomalies.length}):\n${result.anomalyLines}\n`);
    process.stdout.write(
      `\n${all.sent} messages, ${result.faults.length} kills, ${result.redeliveredWebhooks} webhooks redelivered, ${result.elapsedS.toFixed(0)} s\n`,
    );
    if (options.json) writeFileSync(options.json, JSON.stringify({ options, ...result, anomalyLines: undefined }, null, 2));
    if (all.neverAnswered || all.answeredTwice) {
      process.stderr.write(`goal not met: ${all.neverAnswered} never answered, ${all.answeredTwice} answered twice (listed above, and in --json)\n`);
      return 1;
    }
    return 0;
  } finally {
    reportProgress('stopping the product and the private servers');
    await close();
  }
}

/** Where `--keep` left the run's data and logs. */
function keptText(folders: KeptFolders): string {
  return (
    'kept for a look (remove them when done):\n' +
    `  PostgreSQL data: ${folders.postgres}/data (start it with: postgres -D ${folders.postgres}/data -k ${folders.postgres} -p <port>)\n` +
    `  Redis:           ${folders.redis}\n` +
    `  dovecot:         ${folders.dovecot} (its mail and dovecot.log)\n` +
    `  product logs:    ${folders.productLogs} (gateway.log, agent-worker-<n>.log)\n`
  );
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`bench:faults failed: ${error?.stack ?? error}\n`);
    process.exit(3);
  },
);
