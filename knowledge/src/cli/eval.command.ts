import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { AppConfig } from '@support/platform';
import { parseJsonlArticles } from '../articles/jsonl-article.parser';
import { createKnowledgeProviders } from '../backend/knowledge-backend.factory';
import { HashingEmbedder } from '../embedding/hashing.embedder';
import { parseEvaluationQueries } from '../eval/evaluation-query';
import { runRetrievalBenchmark, RetrievalBenchmark } from '../eval/retrieval.benchmark';
import { measureSearchLatency, SearchLatency } from '../eval/search-latency.benchmark';
import { CliArguments, numberFlag, UsageError } from './cli-arguments';
import { ProgressBar } from './progress-bar';
import { formatTable } from './text-table';

const DEFAULT_DATASET = '../shared/datasets/kb-stackfaq';

/**
 * `kb eval [--docs docs.jsonl] [--queries queries.jsonl] [--json out.json] [--scale N]`: retrieval quality and
 * latency of full text, dense, hybrid (and hybrid+rerank with a reranker) on a fresh in-memory index, with
 * the embedder and reranker the config chooses. `--scale N` also times hybrid search on the embedded
 * default grown to N chunks.
 */
export async function evalCommand(config: AppConfig, args: CliArguments, out: NodeJS.WritableStream, err: NodeJS.WriteStream): Promise<void> {
  if (args.positional.length) throw new UsageError('eval takes --docs and --queries, not a path');
  const docsPath = resolve(args.flags.get('docs') ?? `${DEFAULT_DATASET}/docs.jsonl`);
  const queriesPath = resolve(args.flags.get('queries') ?? `${DEFAULT_DATASET}/queries_dev.jsonl`);
  const scale = numberFlag(args.flags, 'scale', 0, 0);
  const { articles, rejected } = parseJsonlArticles(readText(docsPath));
  if (rejected.length) err.write(`${docsPath}: ${rejected.length} rows skipped (first: line ${rejected[0].line}, ${rejected[0].reason})\n`);
  const queries = parseEvaluationQueries(readText(queriesPath));
  const { embedder, reranker } = createKnowledgeProviders(config);
  const voyageUrl = config.providers.voyage.apiKey ? (config.providers.voyage.baseUrl ?? 'https://api.voyageai.com/v1') : undefined;

  err.write(`evaluating ${articles.length} articles, ${queries.length} queries; embedder ${embedder.name}, reranker ${reranker?.name ?? 'none'}\n`);
  const bar = new ProgressBar('embedding chunks', err);
  const benchmark = await runRetrievalBenchmark({
    articles,
    queries,
    embedder,
    reranker,
    progress: { onEmbedded: (done, total) => bar.update(done, total), onMode: (mode) => (bar.finish(), err.write(`searching: ${mode}\n`)) },
  });
  bar.finish();

  let latency: SearchLatency | undefined;
  if (scale) {
    err.write(`growing the corpus to ${scale} chunks on the embedded default (hashing embedder, PGlite + pgvector)\n`);
    const scaleBar = new ProgressBar('embedding chunks', err);
    latency = await measureSearchLatency(
      { articles, queries, embedder: new HashingEmbedder(), targetChunks: scale },
      { onEmbedded: (d, t) => scaleBar.update(d, t) },
    );
    scaleBar.finish();
  }

  out.write(formatReport(benchmark, latency, { embedder: embedder.name, reranker: reranker?.name, voyageUrl, docsPath, queriesPath }));
  const jsonPath = args.flags.get('json');
  if (jsonPath) {
    writeFileSync(
      jsonPath,
      `${JSON.stringify({ embedder: embedder.name, reranker: reranker?.name ?? null, voyageUrl: voyageUrl ?? null, docsPath, queriesPath, ...benchmark, scale: latency ?? null }, null, 2)}\n`,
    );
    err.write(`wrote ${jsonPath}\n`);
  }
}

function formatReport(
  benchmark: RetrievalBenchmark,
  latency: SearchLatency | undefined,
  run: { embedder: string; reranker?: string; voyageUrl?: string; docsPath: string; queriesPath: string },
): string {
  const { ingestion } = benchmark;
  const lines = [
    `docs ${run.docsPath}`,
    `queries ${run.queriesPath} (${benchmark.modes[0]?.evaluation.queries ?? 0})`,
    `embedder ${run.embedder}; reranker ${run.reranker ?? 'none (set VOYAGE_API_KEY for hybrid+rerank)'}${run.voyageUrl ? `; Voyage at ${run.voyageUrl}` : ''}`,
    `ingestion: ${ingestion.articles} articles, ${ingestion.chunks} chunks in ${ingestion.seconds.toFixed(2)} s = ${ingestion.chunksPerSecond.toFixed(0)} chunks/s`,
    '',
    formatTable(
      ['mode', 'recall@1', 'recall@5', 'recall@10', 'MRR', 'nDCG@10', 'p50 ms', 'p95 ms', 'threshold'],
      benchmark.modes.map(({ mode, evaluation: e }) => [
        mode,
        e.recall[1].toFixed(3),
        e.recall[5].toFixed(3),
        e.recall[10].toFixed(3),
        e.mrr.toFixed(3),
        e.ndcg.toFixed(3),
        e.latencyMs.p50.toFixed(1),
        e.latencyMs.p95.toFixed(1),
        e.calibration.threshold.toFixed(2),
      ]),
    ),
    '',
    'threshold: the top score that best separates answered questions from ones the help center lacks (see eval/score-threshold.ts).',
  ];
  if (latency) {
    lines.push(
      '',
      `scale: hybrid search on ${latency.chunks} chunks (embedded default, PGlite + pgvector HNSW), ${latency.queries} queries:`,
      `  wall p50 ${latency.p50Ms.toFixed(1)} ms, p95 ${latency.p95Ms.toFixed(1)} ms; CPU p50 ${latency.cpuP50Ms.toFixed(1)} ms, p95 ${latency.cpuP95Ms.toFixed(1)} ms (machine load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
      `  ingestion ${latency.chunks} chunks in ${latency.ingestSeconds.toFixed(1)} s = ${latency.chunksPerSecond.toFixed(0)} chunks/s`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${path}`);
  }
}
