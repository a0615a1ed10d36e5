import { AppConfig, ValidationError } from '@support/platform';
import { createKnowledgeBackend } from '../backend/knowledge-backend.factory';
import { HELP_CENTER_SOURCE_NAME } from '../sources/knowledge-source';
import { CliArguments, UsageError } from './cli-arguments';
import { openProductDatabase } from './product-database';
import { formatTable } from './text-table';

/** `kb sources`: what the index holds, by where it came from. */
export async function sourcesCommand(config: AppConfig, args: CliArguments, out: NodeJS.WritableStream): Promise<void> {
  if (args.positional.length) throw new UsageError('sources takes no arguments');
  const db = await openProductDatabase(config);
  try {
    const sources = await createKnowledgeBackend(db, config).ingestor.sources.list();
    if (!sources.length) return void out.write('no sources indexed yet\n');
    const rows = sources.map((s) => [s.name, s.kind, s.articles, s.lastIngestedAt?.toISOString().slice(0, 19).replace('T', ' ') ?? 'never finished', s.path]);
    out.write(`${formatTable(['source', 'kind', 'articles', 'last ingested (UTC)', 'path'], rows)}\n`);
  } finally {
    await db.close();
  }
}

/** `kb remove <source>`: its articles leave the index; the other sources' stay. */
export async function removeCommand(config: AppConfig, args: CliArguments, out: NodeJS.WritableStream): Promise<void> {
  const [name, ...extra] = args.positional;
  if (!name || extra.length) throw new UsageError('remove takes one source name (see `npm run kb -- sources`)');
  const db = await openProductDatabase(config);
  try {
    const summary = await createKnowledgeBackend(db, config).ingestor.remove(name);
    if (!summary) throw new ValidationError(`no source named "${name}"; \`npm run kb -- sources\` lists them`);
    out.write(`removed source "${name}": ${summary.removed} chunks removed\n`);
    if (name === HELP_CENTER_SOURCE_NAME) out.write('the product indexes HELP_CENTER_DIR again at its next start\n');
  } finally {
    await db.close();
  }
}
