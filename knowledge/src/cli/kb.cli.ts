/**
 * The knowledge-base command line, on the product's own config (.env / environment) and database:
 *   npm run kb -- ingest <path> [--source <name>]   index a folder (or one file) as a source of its own
 *   npm run kb -- reindex               the same, on HELP_CENTER_DIR
 *   npm run kb -- sources               the sources the index holds
 *   npm run kb -- remove <source>       take one source's articles out of the index
 *   npm run kb -- eval [--docs f] [--queries f] [--json f] [--scale N]
 *   npm run kb -- stale [--days N]      articles not updated for N days (default 180)
 *   npm run kb -- misses [--days N]     questions the help center did not answer, most frequent first
 */
import { ConfigError, DataDirInUseError, loadConfig, ValidationError } from '@support/platform';
import { parseArguments, UsageError } from './cli-arguments';
import { evalCommand } from './eval.command';
import { ingestCommand, reindexCommand } from './ingest.command';
import { missesCommand } from './misses.command';
import { removeCommand, sourcesCommand } from './sources.command';
import { staleCommand } from './stale.command';

const USAGE = `usage: npm run kb -- <command>
  ingest <path> [--source <name>]
                                 index a folder of Markdown / HTML / JSONL articles (or one file) as a source
                                 (named after the folder); other sources are left as they are
  reindex                        re-index HELP_CENTER_DIR (the "help-center" source) now
  sources                        list the sources: kind, articles, last ingested, path
  remove <source>                take a source's articles out of the index
  eval [--docs <docs.jsonl>] [--queries <queries.jsonl>] [--json <file>] [--scale <chunks>]
                                 recall@1/5/10, MRR, nDCG@10, latency per retrieval mode (default dataset ../shared/datasets/kb-stackfaq)
  stale [--days N]               articles not updated for N days (default 180)
  misses [--days N] [--limit N]  questions whose best passage scored under GATE_MIN_RETRIEVAL_SCORE (default last 30 days)
`;

const COMMANDS: Record<string, { flags: string[]; run: (argv: ReturnType<typeof parseArguments>) => Promise<void> }> = {
  ingest: { flags: ['source'], run: (args) => ingestCommand(loadConfig(), args, process.stdout, process.stderr) },
  sources: { flags: [], run: (args) => sourcesCommand(loadConfig(), args, process.stdout) },
  remove: { flags: [], run: (args) => removeCommand(loadConfig(), args, process.stdout) },
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
    if (error instanceof DataDirInUseError) {
      // Waiting would mean waiting for the product to stop: it holds the folder for as long as it runs.
      process.stderr.write(
        `DATA_DIR ${error.dataDir} is in use by ${error.heldBy}: npm run kb cannot open the embedded database while it runs; stop it first (or use DATABASE_URL)\n`,
      );
      return 1;
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
