import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@support/platform';
import { RecordedRequest, startFakeAnthropic } from '../test/servers/anthropic';
import { flattenPrompt } from '../test/servers/anthropic/prompt-blocks.flattener';
import { sayOrThrow } from './support/chat-api';
import { numberFlag, parseFlags, UsageError } from './support/cli-flags';
import { startInProcessGateway } from './support/in-process-gateway';
import { percentileOfSorted } from './support/percentiles';
import { reportProgress } from './support/progress';
import { readScriptedConversations, ScriptedConversation } from './support/scripted-conversations';
import { formatFixed, formatTable } from './support/table';
import { allTurns, TurnRow } from './support/turn-records';

const USAGE = 'usage: npm run bench:cost -- [--conversations <json>] [--min-cache-tokens N] [--json <file>]';
const DEFAULT_MIN_CACHE_TOKENS = 1024;
const DEFAULT_CONVERSATIONS = join(__dirname, 'data', 'support-conversations.json');
const BUDGET_USD = 0.05;
const AIM_USD = 0.02;
/** A cache minimum no prompt reaches: the local server then never reads or writes its cache. */
const NEVER_CACHE = Number.MAX_SAFE_INTEGER;

interface Configuration {
  name: string;
  routing: boolean;
  caching: boolean;
}

const CONFIGURATIONS: Configuration[] = [
  { name: 'routing + caching', routing: true, caching: true },
  { name: 'routing off', routing: false, caching: true },
  { name: 'caching off', routing: true, caching: false },
  { name: 'both off', routing: false, caching: false },
];

interface Distribution {
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

interface ConfigurationResult extends Configuration {
  conversations: number;
  turns: number;
  modelTurns: number;
  usdPerConversation: Distribution;
  usdPerTurn: Distribution;
  totalUsd: number;
  /** Mean tokens per conversation, by kind. */
  tokensPerConversation: { input: number; output: number; cacheWrite: number; cacheRead: number };
  /** Share of the turns that called a model which went to each model. */
  turnsByModel: Record<string, number>;
  usdByRoute: Record<string, number>;
  /** For caching off: whether the product itself stopped sending cache breakpoints (ANTHROPIC_PROMPT_CACHING=false). */
  productCachingSwitch: 'honoured' | 'ignored' | null;
  requests: number;
  /** Tokens up to the last cache breakpoint of each request: what could be cached, if over the model's minimum. */
  cacheablePrefixTokens: { mean: number; max: number };
}

async function measure(configuration: Configuration, conversations: ScriptedConversation[], minCacheTokens: number): Promise<ConfigurationResult> {
  const base = loadConfig(process.env);
  const claude = await startFakeAnthropic({ minCacheTokens: configuration.caching ? minCacheTokens : NEVER_CACHE });
  const gateway = await startInProcessGateway(process.env, {
    ANTHROPIC_API_KEY: 'bench-key',
    ANTHROPIC_BASE_URL: claude.url,
    ANTHROPIC_MAX_RETRIES: '0',
    ANTHROPIC_PROMPT_CACHING: String(configuration.caching),
    ...(configuration.routing ? {} : { ANTHROPIC_MODEL_SMALL: base.models.main }),
  });
  try {
    const conversationRoute = new Map<string, string>();
    for (const [index, conversation] of conversations.entries()) {
      let conversationId: string | undefined;
      let sessionToken: string | undefined;
      for (const text of conversation.turns) {
        const reply = await sayOrThrow(gateway.url, { conversationId, sessionToken, text, customer: conversation.customer });
        conversationId = reply.conversationId;
        sessionToken ??= reply.sessionToken;
      }
      conversationRoute.set(conversationId!, conversation.route);
      if ((index + 1) % 10 === 0) reportProgress(`${configuration.name}: ${index + 1}/${conversations.length} conversations`);
    }
    const turns = await allTurns(gateway.db);
    const sentBreakpoints = claude.requests.some((request) => JSON.stringify(request.body ?? {}).includes('"cache_control"'));
    return summarise(configuration, turns, conversationRoute, {
      productCachingSwitch: configuration.caching ? null : sentBreakpoints ? 'ignored' : 'honoured',
      requests: claude.requests.length,
      cacheablePrefixTokens: cacheablePrefix(claude.requests),
    });
  } finally {
    await gateway.close();
    await claude.close();
  }
}

function summarise(
  configuration: Configuration,
  turns: TurnRow[],
  conversationRoute: Map<string, string>,
  extra: Pick<ConfigurationResult, 'productCachingSwitch' | 'requests' | 'cacheablePrefixTokens'>,
): ConfigurationResult {
  const byConversation = new Map<string, TurnRow[]>([...conversationRoute.keys()].map((id) => [id, []]));
  for (const turn of turns) byConversation.get(turn.conversation_id)?.push(turn);
  const perConversation = [...byConversation.values()].map((rows) => rows.reduce((sum, row) => sum + Number(row.cost_usd), 0));
  const tokens = { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };
  const turnsByModel: Record<string, number> = {};
  const usdByRoute: Record<string, number> = {};
  for (const turn of turns) {
    tokens.input += Number(turn.tokens_in);
    tokens.output += Number(turn.tokens_out);
    tokens.cacheWrite += Number(turn.tokens_cache_write);
    tokens.cacheRead += Number(turn.tokens_cache_read);
    if (turn.model) turnsByModel[turn.model] = (turnsByModel[turn.model] ?? 0) + 1;
    const route = conversationRoute.get(turn.conversation_id) ?? 'other';
    usdByRoute[route] = (usdByRoute[route] ?? 0) + Number(turn.cost_usd);
  }
  const conversations = byConversation.size;
  for (const route of Object.keys(usdByRoute)) {
    usdByRoute[route] /= [...conversationRoute.values()].filter((r) => r === route).length;
  }
  return {
    ...configuration,
    conversations,
    turns: turns.length,
    modelTurns: turns.filter((t) => t.model).length,
    usdPerConversation: distribution(perConversation),
    usdPerTurn: distribution(turns.map((t) => Number(t.cost_usd))),
    totalUsd: perConversation.reduce((a, b) => a + b, 0),
    tokensPerConversation: {
      input: tokens.input / conversations,
      output: tokens.output / conversations,
      cacheWrite: tokens.cacheWrite / conversations,
      cacheRead: tokens.cacheRead / conversations,
    },
    turnsByModel,
    usdByRoute,
    ...extra,
  };
}

function cacheablePrefix(requests: RecordedRequest[]): { mean: number; max: number } {
  const sizes = requests.flatMap((request) => {
    if (!request.body) return [];
    const blocks = flattenPrompt(request.body);
    const last = blocks.map((block) => !!block.cacheControl).lastIndexOf(true);
    return [blocks.slice(0, last + 1).reduce((sum, block) => sum + block.tokens, 0)];
  });
  return { mean: sizes.reduce((a, b) => a + b, 0) / (sizes.length || 1), max: Math.max(0, ...sizes) };
}

function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    mean: sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1),
    p50: percentileOfSorted(sorted, 0.5),
    p95: percentileOfSorted(sorted, 0.95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

function report(results: ConfigurationResult[], conversations: ScriptedConversation[], minCacheTokens: number): string {
  const usd = (value: number) => formatFixed(value, 4);
  const turns = conversations.reduce((n, c) => n + c.turns.length, 0);
  const lines = [
    `Cost per conversation: ${conversations.length} scripted conversations, ${turns} customer turns, real @anthropic-ai/sdk against the local Messages API (usage counted from each request, prompt caching simulated)`,
    '',
    formatTable(
      [
        'configuration',
        'mean $/conv',
        'p50',
        'p95',
        'max',
        'mean $/turn',
        'p95 $/turn',
        'in tok/conv',
        'out',
        'cache write',
        'cache read',
        'budget $0.05',
        'aim $0.02',
      ],
      results.map((r) => [
        r.name,
        usd(r.usdPerConversation.mean),
        usd(r.usdPerConversation.p50),
        usd(r.usdPerConversation.p95),
        usd(r.usdPerConversation.max),
        usd(r.usdPerTurn.mean),
        usd(r.usdPerTurn.p95),
        formatFixed(r.tokensPerConversation.input, 0),
        formatFixed(r.tokensPerConversation.output, 0),
        formatFixed(r.tokensPerConversation.cacheWrite, 0),
        formatFixed(r.tokensPerConversation.cacheRead, 0),
        r.usdPerConversation.p95 <= BUDGET_USD ? 'within' : 'OVER',
        r.usdPerConversation.mean <= AIM_USD ? 'met' : 'missed',
      ]),
    ),
    '',
    'Mean $ per conversation by route, and which model answered the turns that called one:',
    '',
    formatTable(
      ['configuration', ...Object.keys(results[0].usdByRoute), 'turns by model', 'API requests', 'cacheable prefix tok (mean/max)'],
      results.map((r) => [
        r.name,
        ...Object.keys(results[0].usdByRoute).map((route) => usd(r.usdByRoute[route] ?? 0)),
        Object.entries(r.turnsByModel)
          .map(([model, count]) => `${model} ${count}`)
          .join(', ') || '-',
        r.requests,
        `${formatFixed(r.cacheablePrefixTokens.mean, 0)}/${r.cacheablePrefixTokens.max}`,
      ]),
    ),
  ];
  const cachingOn = results.find((r) => r.caching && r.routing);
  if (cachingOn && cachingOn.tokensPerConversation.cacheWrite + cachingOn.tokensPerConversation.cacheRead === 0) {
    lines.push(
      '',
      `Note: nothing was cached with caching on: the longest prefix up to a cache breakpoint was ${cachingOn.cacheablePrefixTokens.max} tokens, ` +
        `under the ${minCacheTokens}-token minimum (the real API's minimum is 1024 tokens for Sonnet and 4096 for Haiku 4.5; --min-cache-tokens changes it here).`,
    );
  }
  if (results.some((r) => r.productCachingSwitch === 'honoured')) {
    lines.push('', 'Caching off: the product honoured ANTHROPIC_PROMPT_CACHING=false and sent no cache breakpoints.');
  }
  const ignored = results.filter((r) => r.productCachingSwitch === 'ignored');
  if (ignored.length) {
    lines.push(
      '',
      `Note: with ANTHROPIC_PROMPT_CACHING=false the product still sent cache breakpoints (${ignored.map((r) => r.name).join(', ')}): ` +
        'the switch is not there yet, so "caching off" was measured with the local server caching nothing, which bills every input token at the plain input rate, as the API would without breakpoints.',
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), ['conversations', 'json', 'min-cache-tokens']);
  const minCacheTokens = numberFlag(flags, 'min-cache-tokens', DEFAULT_MIN_CACHE_TOKENS, 1, 1_000_000);
  const conversations = readScriptedConversations(flags.get('conversations') ?? DEFAULT_CONVERSATIONS);
  const results: ConfigurationResult[] = [];
  for (const configuration of CONFIGURATIONS) {
    reportProgress(`${configuration.name}: replaying ${conversations.length} conversations`);
    results.push(await measure(configuration, conversations, minCacheTokens));
  }
  process.stdout.write(`${report(results, conversations, minCacheTokens)}\n`);
  const jsonFile = flags.get('json');
  if (jsonFile)
    writeFileSync(
      jsonFile,
      `${JSON.stringify({ budgetUsd: BUDGET_USD, aimUsd: AIM_USD, minCacheTokens, conversations: conversations.length, results }, null, 2)}\n`,
    );
}

main().catch((error) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  process.stderr.write(`bench:cost failed: ${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
