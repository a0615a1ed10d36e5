import { AppConfig } from '@support/platform';
import { findStaleArticles } from '../freshness/stale-articles.report';
import { CliArguments, numberFlag, UsageError } from './cli-arguments';
import { openProductDatabase } from './product-database';
import { formatTable } from './text-table';

/** `kb stale [--days N]`: indexed articles not updated for N days (default 180). */
export async function staleCommand(config: AppConfig, args: CliArguments, out: NodeJS.WritableStream): Promise<void> {
  if (args.positional.length) throw new UsageError('stale takes no path');
  const days = numberFlag(args.flags, 'days', 180, 0);
  const db = await openProductDatabase(config);
  try {
    const stale = await findStaleArticles(db, { days });
    if (!stale.length) return void out.write(`no article is older than ${days} days\n`);
    out.write(`${stale.length} articles not updated for ${days} days or more:\n`);
    out.write(
      `${formatTable(
        ['age (days)', 'updated', 'article', 'title'],
        stale.map((a) => [a.ageDays ?? 'no date', a.updatedAt ?? '-', a.articleId, a.title]),
      )}\n`,
    );
  } finally {
    await db.close();
  }
}
