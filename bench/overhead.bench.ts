import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeAnthropic, startFakeAnthropic } from '../test/servers/anthropic';
import { sayOrThrow } from './support/chat-api';
import { numberFlag, parseFlags, UsageError } from './support/cli-flags';
import { InProcessGateway, startInProcessGateway } from './support/in-process-gateway';
import { percentileOfSorted } from './support/percentiles';
import { reportProgress } from './support/progress';
import { readScriptedConversations, ScriptedConversation } from './support/scripted-conversations';
import { formatFixed, formatTable } from './support/table';
import { allTurns } from './support/turn-records';

const USAGE = 'usage: npm run bench:overhead -- [--messages N] [--concurrency C] [--warmup W] [--database-url postgres://…] [--json <file>]';
const CONVERSATIONS = join(__dirname, 'data', 'support-conversations.json');
const AIM_P95_MS = 15;

type Mode = 'embedded' | 'claude';

interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

interface ModeResult {
  mode: Mode;
  messages: number;
  concurrency: number;
  messagesPerSecond: number;
  /** Round trip of POST /api/chat as the client sees it. */
  httpMs: Percentiles;
  /** The agent pipeline's own `latency_ms.total` from the turn records of the measured messages. */
  pipelineMs: Percentiles;
  /** p50 / p95 of each pipeline stage the turn records name. */
  stagesMs: Record<string, { p50: number; p95: number }>;
  handoffs: number;
}

/**
 * Plays scripted conversations with `concurrency` customers at once until `messages` messages were sent.
 * Each customer keeps to one conversation at a time, as a real one would, and starts the next script after it.
 */
async function drive(gateway: InProcessGateway, scripts: ScriptedConversation[], messages: number, concurrency: number, offset: number) {
  const durationsMs: number[] = [];
  const conversationIds = new Set<string>();
  let handoffs = 0;
  let sent = 0;
  let nextScript = offset;
  const customer = async () => {
    while (sent < messages) {
      const script = scripts[nextScript++ % scripts.length];
      let conversationId: string | undefined;
      let sessionToken: string | undefined;
      for (const text of script.turns) {
        if (sent >= messages) return;
        sent++;
        const reply = await sayOrThrow(gateway.url, { conversationId, sessionToken, text, customer: script.customer });
        conversationId = reply.conversationId;
        sessionToken ??= reply.sessionToken;
        conversationIds.add(conversationId);
        durationsMs.push(Number(reply.durationNs) / 1e6);
        if (reply.handoff) handoffs++;
        if (durationsMs.length % 100 === 0) reportProgress(`${durationsMs.length}/${messages} messages`);
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, customer));
  return { durationsMs, conversationIds, handoffs, elapsedMs: performance.now() - started, nextScript };
}

interface Options {
  messages: number;
  concurrency: number;
  warmup: number;
  /** A PostgreSQL server database to run on instead of a fresh embedded one. */
  databaseUrl?: string;
}

async function measure(mode: Mode, scripts: ScriptedConversation[], options: Options): Promise<ModeResult> {
  let claude: FakeAnthropic | undefined;
  if (mode === 'claude') claude = await startFakeAnthropic();
  const gateway = await startInProcessGateway(process.env, {
    ...(claude ? { ANTHROPIC_API_KEY: 'bench-key', ANTHROPIC_BASE_URL: claude.url, ANTHROPIC_MAX_RETRIES: '0' } : { ANTHROPIC_API_KEY: '' }),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  });
  try {
    reportProgress(`${mode}: warming up with ${options.warmup} messages`);
    const warm = await drive(gateway, scripts, options.warmup, options.concurrency, 0);
    reportProgress(`${mode}: measuring ${options.messages} messages, ${options.concurrency} at a time`);
    const run = await drive(gateway, scripts, options.messages, options.concurrency, warm.nextScript);
    const measured = (await allTurns(gateway.db)).filter(
      (turn) => run.conversationIds.has(turn.conversation_id) && !warm.conversationIds.has(turn.conversation_id),
    );
    const stageNames = [...new Set(measured.flatMap((turn) => Object.keys(turn.latency_ms ?? {})))].filter((stage) => stage !== 'total');
    return {
      mode,
      messages: run.durationsMs.length,
      concurrency: options.concurrency,
      messagesPerSecond: run.durationsMs.length / (run.elapsedMs / 1000),
      httpMs: percentiles(run.durationsMs),
      pipelineMs: percentiles(measured.map((turn) => Number(turn.latency_ms?.total ?? Number.NaN)).filter(Number.isFinite)),
      stagesMs: Object.fromEntries(
        stageNames.map((stage) => {
          const values = measured.flatMap((turn) => (turn.latency_ms?.[stage] === undefined ? [] : [Number(turn.latency_ms[stage])])).sort((a, b) => a - b);
          return [stage, { p50: percentileOfSorted(values, 0.5), p95: percentileOfSorted(values, 0.95) }];
        }),
      ),
      handoffs: run.handoffs,
    };
  } finally {
    await gateway.close();
    await claude?.close();
  }
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentileOfSorted(sorted, 0.5),
    p95: percentileOfSorted(sorted, 0.95),
    p99: percentileOfSorted(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

function report(results: ModeResult[], database: string): string {
  const ms = (value: number) => formatFixed(value, 2);
  const stages = [...new Set(results.flatMap((r) => Object.keys(r.stagesMs)))];
  return [
    `Overhead per text message, providers answering instantly (embedded engine; Claude mode against the local Messages API with zero latency); database: ${database}`,
    '',
    formatTable(
      ['mode', 'messages', 'concurrency', 'msg/s', 'HTTP p50 ms', 'p95', 'p99', 'max', 'pipeline p50 ms', 'p95', 'p99', 'max', `p95 < ${AIM_P95_MS} ms (HTTP)`],
      results.map((r) => [
        r.mode,
        r.messages,
        r.concurrency,
        formatFixed(r.messagesPerSecond, 1),
        ms(r.httpMs.p50),
        ms(r.httpMs.p95),
        ms(r.httpMs.p99),
        ms(r.httpMs.max),
        ms(r.pipelineMs.p50),
        ms(r.pipelineMs.p95),
        ms(r.pipelineMs.p99),
        ms(r.pipelineMs.max),
        r.httpMs.p95 < AIM_P95_MS ? 'met' : 'missed',
      ]),
    ),
    '',
    'Pipeline stages from the turn records, p50 / p95 ms:',
    '',
    formatTable(
      ['mode', ...stages],
      results.map((r) => [r.mode, ...stages.map((stage) => (r.stagesMs[stage] ? `${ms(r.stagesMs[stage].p50)} / ${ms(r.stagesMs[stage].p95)}` : '-'))]),
    ),
  ].join('\n');
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), ['messages', 'concurrency', 'warmup', 'database-url', 'json']);
  const databaseUrl = flags.get('database-url');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new UsageError('--database-url must be a postgres:// URL');
  const options: Options = {
    messages: numberFlag(flags, 'messages', 400, 1, 1_000_000),
    concurrency: numberFlag(flags, 'concurrency', 1, 1, 256),
    warmup: numberFlag(flags, 'warmup', 40, 0, 100_000),
    databaseUrl,
  };
  const database = databaseUrl ? `PostgreSQL server (${redactedUrl(databaseUrl)})` : 'embedded PGlite in a temporary folder';
  const scripts = readScriptedConversations(CONVERSATIONS);
  const results: ModeResult[] = [];
  for (const mode of ['embedded', 'claude'] as Mode[]) results.push(await measure(mode, scripts, options));
  process.stdout.write(`${report(results, database)}\n`);
  const jsonFile = flags.get('json');
  if (jsonFile)
    writeFileSync(jsonFile, `${JSON.stringify({ aimP95Ms: AIM_P95_MS, database, machine: { cpus: require('node:os').cpus().length }, results }, null, 2)}\n`);
}

/** The URL without its password, for the report. */
function redactedUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

main().catch((error) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`bench:overhead failed: ${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
