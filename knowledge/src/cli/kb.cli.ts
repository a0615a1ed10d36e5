/**
 * The knowledge-base command line, on the product's own config (.env / environment) and database:
 *   npm run kb -- ingest <path>         make the index match a help-center folder (or one file)
 *   npm run kb -- reindex               the same, on HELP_CENTER_DIR
 *   npm run kb -- eval [--docs f] [--queries f] [--json f] [--scale N]
 *   npm run kb -- stale [--days N]      articles not updated for N days (default 180)
 *   npm run kb -- misses [--days N]     questions the help center did not answer, most frequent first
 */
import { ConfigError, loadConfig, ValidationError } from '@support/platform';
import { parseArguments, UsageError } from './cli-arguments';
import { evalCommand } from './eval.command';
import { ingestCommand, reindexCommand } from './ingest.command';
import { missesCommand } from './misses.command';
import { staleCommand } from './stale.command';

const USAGE = `usage: npm run kb -- <command>
  ingest <path>                  index a folder of Markdown / JSONL articles (or one file) into the product's index
  reindex                        re-index HELP_CENTER_DIR now
  eval [--docs <docs.jsonl>] [--queries <queries.jsonl>] [--json <file>] [--scale <chunks>]
                                 recall@1/5/10, MRR, nDCG@10, latency per retrieval mode (default dataset ../shared/datasets/kb-stackfaq)
  stale [--days N]               articles not updated for N days (default 180)
  misses [--days N] [--limit N]  questions whose best passage scored under GATE_MIN_RETRIEVAL_SCORE (default last 30 days)
`;

const COMMANDS: Record<string, { flags: string[]; run: (argv: ReturnType<typeof parseArguments>) => Promise<void> }> = {
  ingest: { flags: [], run: (args) => ingestCommand(loadConfig(), args, process.stdout, process.stderr) },
  reindex: { flags: [], run: (args) => reindexCommand(loadConfig(), args, process.stdout, process.stderr) },
  eval: { flags: ['docs', 'queries', 'json', 'scale'], run: (args) => evalCommand(loadConfig(), args, process.stdout, process.stderr) },
  stale: { flags: ['days'], run: (args) => staleCommand(loadConfig(), args, process.stdout) },
  misses: { flags: ['days', 'limit'], run: (args) => missesCommand(loadConfig(), args, process.stdout) },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    await command.run(parseArguments(rest, command.flags));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ConfigError || error instanceof ValidationError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (status) => (process.exitCode = status),
  (error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  },
);
