import { AppConfig } from '@support/platform';
import { findRetrievalMisses } from '../freshness/retrieval-misses.report';
import { CliArguments, numberFlag, UsageError } from './cli-arguments';
import { openProductDatabase } from './product-database';
import { formatTable } from './text-table';

/** `kb misses [--days N] [--limit N]`: what customers asked that the help center could not answer, most frequent first. */
export async function missesCommand(config: AppConfig, args: CliArguments, out: NodeJS.WritableStream): Promise<void> {
  if (args.positional.length) throw new UsageError('misses takes no path');
  const days = numberFlag(args.flags, 'days', 30, 0);
  const limit = numberFlag(args.flags, 'limit', 50, 1);
  const minScore = config.agent.minRetrievalScore;
  const db = await openProductDatabase(config);
  try {
    const turns = await db.query<{ table: string | null }>(`SELECT to_regclass('agent_turns')::text AS table`);
    if (!turns.rows[0].table) return void out.write('no conversations recorded in this database yet\n');
    const misses = await findRetrievalMisses(db, { days, minScore, limit });
    if (!misses.length) return void out.write(`no unanswered questions in the last ${days} days (threshold ${minScore})\n`);
    out.write(`questions whose best help-center passage scored under ${minScore}, last ${days} days:\n`);
    out.write(
      `${formatTable(
        ['times', 'best score', 'last asked', 'question'],
        misses.map((m) => [m.count, m.bestScore.toFixed(2), m.lastAskedAt.slice(0, 10), oneLine(m.example)]),
      )}\n`,
    );
  } finally {
    await db.close();
  }
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}
