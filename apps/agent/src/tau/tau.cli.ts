import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Database, loadConfig, migrate, PgDatabase, PgliteDatabase } from '@support/platform';
import { AGENT_MIGRATIONS } from '../agent.migrations';
import { importTauRetailDb } from '../orders/retail/tau-retail.importer';
import { ShopRepository } from '../orders/shop.repository';
import { intFlag, parseCommand, TauUsageError } from './tau-cli.flags';
import { runReplay } from './tau-replay.command';
import { runTauCommand } from './tau-run.command';

const USAGE = `Usage: npm run tau -- <command> …

  import --db <db folder> [--replace]
      Load a τ-bench retail database (users.json, products.json, orders.json) into the product's order store:
      the server at DATABASE_URL, else the embedded one under DATA_DIR. --replace empties the shop first.

  replay <tasks.jsonl> --db <db folder> --out <file> [--final-db full|changes] [--database-url <scratch url>]
      Apply each task's gold actions to a fresh copy of the database through the retail tool layer;
      one JSON line per task: taskId, each action's result, the final database (default: full).

  run <tasks.jsonl> [--db <db folder>] [--policy <wiki.md>] [--trials k] [--out <file.json>] [--limit N]
      [--max-turns 30] [--agent-model <id>] [--user-model <id>] [--max-tool-rounds N] [--database-url <scratch url>]
      τ-bench: the product's Claude agent and a Claude-played customer; prints pass^1..pass^k.
      Needs ANTHROPIC_API_KEY (ANTHROPIC_BASE_URL for another endpoint); without it, says so and exits 0.
      --db and --policy default to db/ and policy/wiki.md beside the tasks file.

  replay and run work on a scratch store: an in-memory embedded database unless --database-url names a
  server database they may empty.`;

const progress = (message: string) => process.stderr.write(`[tau] ${message}\n`);

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommand(
    argv,
    ['db', 'out', 'final-db', 'database-url', 'policy', 'trials', 'limit', 'max-turns', 'agent-model', 'user-model', 'max-tool-rounds'],
    ['replace'],
  );
  const { command, positional, flags } = parsed;
  if (command === 'import') {
    const folder = required(flags, 'db');
    const config = loadConfig();
    const db: Database = config.database.url ? new PgDatabase(config.database.url) : new PgliteDatabase(config.database.dataDir);
    try {
      await migrate(db, AGENT_MIGRATIONS);
      const counts = await importTauRetailDb(new ShopRepository(db), folder, { replace: flags.has('replace') });
      console.log(`Imported ${counts.users} users, ${counts.products} products, ${counts.orders} orders into the ${db.kind} order store.`);
    } finally {
      await db.close();
    }
    return 0;
  }
  const tasksPath = positional[0];
  if (!tasksPath) throw new TauUsageError(`${command} needs a tasks file`);
  if (command === 'replay') {
    const finalDb = flags.get('final-db') ?? 'full';
    if (finalDb !== 'full' && finalDb !== 'changes') throw new TauUsageError('--final-db is full or changes');
    const summary = await runReplay({
      tasksPath,
      dbFolder: required(flags, 'db'),
      outPath: required(flags, 'out'),
      finalDb,
      databaseUrl: flags.get('database-url'),
      progress,
    });
    console.log(`Replayed ${summary.tasks} tasks: ${summary.clean} clean, ${summary.refused.length} with a refused gold action.`);
    for (const r of summary.refused) console.log(`  ${r.taskId}: ${r.refusals.map((x) => `${x.name} → ${JSON.stringify(x.result)}`).join('; ')}`);
    return 0;
  }
  if (command === 'run') {
    const beside = (path: string) => join(dirname(tasksPath), path);
    const config = loadConfig();
    if (!config.anthropic) {
      console.log('tau run needs a model: set ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL for an Anthropic-compatible endpoint). Nothing was run.');
      return 0;
    }
    const report = await runTauCommand(config, {
      tasksPath,
      dbFolder: existing(flags.get('db') ?? beside('db'), '--db'),
      policyPath: existing(flags.get('policy') ?? beside('policy/wiki.md'), '--policy'),
      trials: intFlag(flags, 'trials', 1, 1, 32),
      maxTurns: intFlag(flags, 'max-turns', 30, 1, 200),
      limit: flags.has('limit') ? intFlag(flags, 'limit', 0, 1, 100_000) : undefined,
      outPath: flags.get('out'),
      agentModel: flags.get('agent-model'),
      userModel: flags.get('user-model'),
      maxToolRounds: flags.has('max-tool-rounds') ? intFlag(flags, 'max-tool-rounds', 6, 2, 60) : undefined,
      databaseUrl: flags.get('database-url'),
      progress,
    });
    if (!report) return 0;
    console.log(`τ-bench retail: ${report.tasks} tasks × ${report.trials} trials`);
    for (const [name, value] of Object.entries(report.passHatK)) console.log(`  ${name.padEnd(8)} ${value.toFixed(3)}`);
    if (flags.get('out')) console.log(`Per-task results: ${flags.get('out')}`);
    return 0;
  }
  throw new TauUsageError(`unknown command "${command}"`);
}

function required(flags: Map<string, string>, name: string): string {
  const value = flags.get(name);
  if (!value) throw new TauUsageError(`--${name} is required`);
  return value;
}

function existing(path: string, flag: string): string {
  if (!existsSync(path)) throw new TauUsageError(`${path} not found; pass ${flag}`);
  return path;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof TauUsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
