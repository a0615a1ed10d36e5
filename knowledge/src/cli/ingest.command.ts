import { basename, dirname, extname, resolve } from 'node:path';
import { AppConfig } from '@support/platform';
import { createKnowledgeBackend } from '../backend/knowledge-backend.factory';
import { IngestSummary } from '../ingest/help-center.ingestor';
import { HELP_CENTER_SOURCE_NAME, helpCenterSource, SourceRef } from '../sources/knowledge-source';
import { SourceRegistry } from '../sources/source-registry';
import { CliArguments, UsageError } from './cli-arguments';
import { describeDatabase, openProductDatabase } from './product-database';
import { ProgressBar } from './progress-bar';

/**
 * `kb ingest <path> [--source <name>]`: the source (named after the folder unless `--source` says) is made to
 * hold the folder's articles; other sources stay as they are. HELP_CENTER_DIR's own folder is its source.
 */
export async function ingestCommand(config: AppConfig, args: CliArguments, out: NodeJS.WritableStream, err: NodeJS.WriteStream): Promise<void> {
  const path = args.positional[0];
  if (!path) throw new UsageError('ingest needs a path: a folder of Markdown / HTML / JSONL articles, or one file');
  if (args.positional.length > 1) throw new UsageError(`ingest takes one path, got ${args.positional.length}`);
  await ingestSource(config, resolve(path), args.flags.get('source'), out, err);
}

/** `kb reindex`: the help-center source, from HELP_CENTER_DIR. */
export async function reindexCommand(config: AppConfig, args: CliArguments, out: NodeJS.WritableStream, err: NodeJS.WriteStream): Promise<void> {
  if (args.positional.length) throw new UsageError('reindex takes no path: it re-reads HELP_CENTER_DIR');
  await ingestSource(config, resolve(config.knowledge.helpCenterDir), HELP_CENTER_SOURCE_NAME, out, err);
}

async function ingestSource(config: AppConfig, path: string, name: string | undefined, out: NodeJS.WritableStream, err: NodeJS.WriteStream): Promise<void> {
  const db = await openProductDatabase(config);
  try {
    const backend = createKnowledgeBackend(db, config);
    const source = await chooseSource(backend.ingestor.sources, path, name, resolve(config.knowledge.helpCenterDir));
    err.write(`indexing ${path} as source "${source.name}": ${backend.description}; database ${describeDatabase(config)}\n`);
    const bar = new ProgressBar('embedding chunks', err);
    const started = performance.now();
    const summary = await backend.ingestor.ingest(path, { onEmbedded: (done, total) => bar.update(done, total) }, source);
    bar.finish();
    out.write(formatIngestSummary(summary, (performance.now() - started) / 1000));
    if (source.kind === 'manual')
      out.write(`source "${source.name}" is kept until \`npm run kb -- remove ${source.name}\`; \`npm run kb -- sources\` lists them\n`);
  } finally {
    await db.close();
  }
}

async function chooseSource(sources: SourceRegistry, path: string, name: string | undefined, helpCenterDir: string): Promise<SourceRef> {
  if (name === HELP_CENTER_SOURCE_NAME || (!name && path === helpCenterDir)) {
    if (path !== helpCenterDir)
      throw new UsageError(`"${HELP_CENTER_SOURCE_NAME}" is HELP_CENTER_DIR's source (${helpCenterDir}); give this one another --source name`);
    return helpCenterSource(path);
  }
  if (name) return { name, kind: 'manual', path };
  // A folder named like another source's is another source, unless --source says it is the same one moved.
  const source: SourceRef = { name: defaultName(path), kind: 'manual', path };
  const known = await sources.find(source.name);
  if (known && known.path !== path) {
    throw new UsageError(
      `source "${source.name}" is ${known.path}; give this one another name with --source <name>, or --source ${source.name} if it moved here`,
    );
  }
  return source;
}

/** The folder's (or file's) name; another folder called "help-center" is named with its parent. */
function defaultName(path: string): string {
  const name = basename(path, extname(path));
  return name === HELP_CENTER_SOURCE_NAME ? `${basename(dirname(path))}/${name}` : name;
}

export function formatIngestSummary(summary: IngestSummary, seconds: number): string {
  const lines = [
    `${summary.articles} articles: ${summary.added} chunks added, ${summary.changed} changed, ${summary.removed} removed, ${summary.unchanged} unchanged (${seconds.toFixed(1)} s)`,
  ];
  if (summary.skipped.length) {
    lines.push(`${summary.skipped.length} skipped:`, ...summary.skipped.map((skip) => `  ${skip.path}: ${skip.reason}`));
  } else {
    lines.push('0 skipped');
  }
  if (summary.warnings.length) lines.push(`${summary.warnings.length} warnings:`, ...summary.warnings.map((warning) => `  ${warning.path}: ${warning.reason}`));
  return `${lines.join('\n')}\n`;
}
