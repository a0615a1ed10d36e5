import { resolve } from 'node:path';
import { AppConfig } from '@support/platform';
import { createKnowledgeBackend } from '../backend/knowledge-backend.factory';
import { IngestSummary } from '../ingest/help-center.ingestor';
import { CliArguments, UsageError } from './cli-arguments';
import { describeDatabase, openProductDatabase } from './product-database';
import { ProgressBar } from './progress-bar';

/** `kb ingest <path>`, and `kb reindex` (the same on HELP_CENTER_DIR): the index the product reads is made to match the folder. */
export async function ingestCommand(config: AppConfig, args: CliArguments, out: NodeJS.WritableStream, err: NodeJS.WriteStream): Promise<void> {
  const path = args.positional[0];
  if (!path) throw new UsageError('ingest needs a path: a folder of Markdown / JSONL articles, or one file');
  if (args.positional.length > 1) throw new UsageError(`ingest takes one path, got ${args.positional.length}`);
  await ingestFolder(config, resolve(path), out, err);
}

export async function reindexCommand(config: AppConfig, args: CliArguments, out: NodeJS.WritableStream, err: NodeJS.WriteStream): Promise<void> {
  if (args.positional.length) throw new UsageError('reindex takes no path: it re-reads HELP_CENTER_DIR');
  await ingestFolder(config, resolve(config.knowledge.helpCenterDir), out, err);
}

async function ingestFolder(config: AppConfig, folder: string, out: NodeJS.WritableStream, err: NodeJS.WriteStream): Promise<void> {
  const db = await openProductDatabase(config);
  try {
    const backend = createKnowledgeBackend(db, config);
    err.write(`indexing ${folder}: ${backend.description}; database ${describeDatabase(config)}\n`);
    const bar = new ProgressBar('embedding chunks', err);
    const started = performance.now();
    const summary = await backend.ingestor.ingest(folder, { onEmbedded: (done, total) => bar.update(done, total) });
    bar.finish();
    out.write(formatIngestSummary(summary, (performance.now() - started) / 1000));
  } finally {
    await db.close();
  }
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
