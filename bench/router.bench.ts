/**
 * Benchmarks the local (first-stage) intent router on labelled JSONL data.
 *
 *   npm run bench:router -- [--train <jsonl>] [--test <jsonl>] [--threshold 0.5] [--json <file>]
 *
 * Without --train/--test it runs the shared intent datasets (<repo>/../shared/datasets). With only --train it
 * splits that file 80/20. Figures go to stdout as a table; progress goes to stderr.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IntentClassifier } from '../apps/agent/src/router/intent-classifier';
import { IntentDataError } from '../apps/agent/src/router/intent-data.error';
import { IntentExample } from '../apps/agent/src/router/intent-example';
import { loadIntentExamples } from '../apps/agent/src/router/intent-examples.loader';
import { accuracy, macroF1 } from './support/classification-metrics';
import { numberFlag, parseFlags, UsageError } from './support/cli-flags';
import { LatencySummary, summariseLatenciesNs } from './support/percentiles';
import { reportProgress } from './support/progress';
import { findSharedDatasetsDir } from './support/shared-datasets';
import { formatFixed, formatTable } from './support/table';

const USAGE = 'usage: npm run bench:router -- [--train <jsonl>] [--test <jsonl>] [--threshold 0.5] [--json <file>]';
const OUT_OF_SCOPE_INTENT = 'oos';
const WARM_UP_MESSAGES = 500;

interface BenchDataset {
  name: string;
  split: string;
  train: IntentExample[];
  test: IntentExample[];
}

interface DatasetFigures {
  dataset: string;
  split: string;
  trainRows: number;
  testRows: number;
  classes: number;
  trainMs: number;
  accuracy: number;
  macroF1: number;
  /** Share of test messages under the threshold, which the second stage would decide. */
  deferredShare: number;
  /** Accuracy on the messages the first stage keeps (confidence ≥ threshold). */
  keptAccuracy: number;
  latency: LatencySummary;
  /** Only for data with out-of-scope rows (intent "oos"). */
  outOfScope?: { inScopeAccuracy: number; oosRecall: number; oosRecallWithDeferral: number };
}

/** Every 5th row of each intent, in file order, goes to test: deterministic and stratified. */
function splitEightyTwenty(rows: IntentExample[]): { train: IntentExample[]; test: IntentExample[] } {
  const seen = new Map<string, number>();
  const split = { train: [] as IntentExample[], test: [] as IntentExample[] };
  for (const row of rows) {
    const position = seen.get(row.intent) ?? 0;
    seen.set(row.intent, position + 1);
    (position % 5 === 4 ? split.test : split.train).push(row);
  }
  return split;
}

function sharedDatasets(): BenchDataset[] {
  const root = findSharedDatasetsDir();
  const bitext = splitEightyTwenty(loadIntentExamples(join(root, 'intent-bitext/dev.jsonl')));
  const trainTest = (folder: string) => ({
    train: loadIntentExamples(join(root, folder, 'dev_train.jsonl')),
    test: loadIntentExamples(join(root, folder, 'dev_test.jsonl')),
  });
  return [
    { name: 'bitext', split: 'dev.jsonl 80/20 (every 5th row per intent → test)', ...bitext },
    { name: 'clinc150', split: 'dev_train → dev_test', ...trainTest('intent-clinc150') },
    { name: 'banking77', split: 'dev_train → dev_test', ...trainTest('intent-banking77') },
  ];
}

function datasetsFromFlags(flags: Map<string, string>): BenchDataset[] {
  const trainPath = flags.get('train');
  const testPath = flags.get('test');
  if (trainPath === undefined && testPath === undefined) return sharedDatasets();
  if (trainPath === undefined) throw new UsageError('--test needs --train too (the file to train on)');
  const train = loadIntentExamples(trainPath);
  if (testPath !== undefined) return [{ name: trainPath, split: `${trainPath} → ${testPath}`, train, test: loadIntentExamples(testPath) }];
  return [{ name: trainPath, split: '80/20 (every 5th row per intent → test)', ...splitEightyTwenty(train) }];
}

function benchDataset(dataset: BenchDataset, threshold: number): DatasetFigures {
  reportProgress(`${dataset.name}: training on ${dataset.train.length} rows…`);
  const startedAt = process.hrtime.bigint();
  const classifier = IntentClassifier.train(dataset.train);
  const trainMs = Number(process.hrtime.bigint() - startedAt) / 1e6;
  reportProgress(`${dataset.name}: trained in ${(trainMs / 1000).toFixed(1)} s; classifying ${dataset.test.length} test messages…`);

  for (let index = 0; index < Math.min(WARM_UP_MESSAGES, dataset.test.length); index++) classifier.classify(dataset.test[index].text);
  const durationsNs: bigint[] = [];
  const predictions = dataset.test.map((row) => {
    const before = process.hrtime.bigint();
    const prediction = classifier.classify(row.text);
    durationsNs.push(process.hrtime.bigint() - before);
    return prediction;
  });

  const gold = dataset.test.map((row) => row.intent);
  const predicted = predictions.map((prediction) => prediction.intent);
  const keptIndices = predictions.flatMap((prediction, index) => (prediction.confidence >= threshold ? [index] : []));
  const figures: DatasetFigures = {
    dataset: dataset.name,
    split: dataset.split,
    trainRows: dataset.train.length,
    testRows: dataset.test.length,
    classes: classifier.intents.length,
    trainMs,
    accuracy: accuracy(gold, predicted),
    macroF1: macroF1(gold, predicted),
    deferredShare: 1 - keptIndices.length / dataset.test.length,
    keptAccuracy: accuracy(
      keptIndices.map((index) => gold[index]),
      keptIndices.map((index) => predicted[index]),
    ),
    latency: summariseLatenciesNs(durationsNs),
  };
  const oosIndices = gold.flatMap((label, index) => (label === OUT_OF_SCOPE_INTENT ? [index] : []));
  if (oosIndices.length > 0) {
    const inScopeIndices = gold.flatMap((label, index) => (label === OUT_OF_SCOPE_INTENT ? [] : [index]));
    figures.outOfScope = {
      inScopeAccuracy: accuracy(
        inScopeIndices.map((index) => gold[index]),
        inScopeIndices.map((index) => predicted[index]),
      ),
      oosRecall: oosIndices.filter((index) => predicted[index] === OUT_OF_SCOPE_INTENT).length / oosIndices.length,
      oosRecallWithDeferral:
        oosIndices.filter((index) => predicted[index] === OUT_OF_SCOPE_INTENT || predictions[index].confidence < threshold).length / oosIndices.length,
    };
  }
  return figures;
}

function printFigures(results: DatasetFigures[], threshold: number): void {
  const headers = ['dataset', 'train', 'test', 'classes', 'train s', 'accuracy', 'macro-F1', `<${threshold} → LLM`, 'kept acc', 'p50 ms', 'p99 ms'];
  const rows = results.map((r) => [
    r.dataset,
    r.trainRows,
    r.testRows,
    r.classes,
    formatFixed(r.trainMs / 1000, 1),
    formatFixed(r.accuracy, 4),
    formatFixed(r.macroF1, 4),
    formatFixed(r.deferredShare, 4),
    formatFixed(r.keptAccuracy, 4),
    formatFixed(r.latency.p50Ms, 3),
    formatFixed(r.latency.p99Ms, 3),
  ]);
  console.log(`Local intent router (TF-IDF words+char n-grams, softmax regression), threshold ${threshold}\n`);
  console.log(formatTable(headers, rows));
  console.log('');
  for (const r of results) console.log(`${r.dataset}: ${r.split}`);
  for (const r of results.filter((result) => result.outOfScope)) {
    const oos = r.outOfScope!;
    console.log(
      `${r.dataset} out-of-scope: in-scope accuracy ${formatFixed(oos.inScopeAccuracy, 4)}, oos recall ${formatFixed(oos.oosRecall, 4)} ` +
        `(predicted "oos"), ${formatFixed(oos.oosRecallWithDeferral, 4)} (predicted "oos" or under the threshold)`,
    );
  }
}

function main(): void {
  const flags = parseFlags(process.argv.slice(2), ['train', 'test', 'threshold', 'json']);
  const threshold = numberFlag(flags, 'threshold', 0.5, 0, 1);
  const results = datasetsFromFlags(flags).map((dataset) => benchDataset(dataset, threshold));
  printFigures(results, threshold);
  const jsonPath = flags.get('json');
  if (jsonPath !== undefined) {
    writeFileSync(jsonPath, JSON.stringify({ bench: 'router', threshold, generatedAt: new Date().toISOString(), results }, null, 2));
    reportProgress(`figures written to ${jsonPath}`);
  }
}

try {
  main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof IntentDataError) {
    console.error(`bench:router: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
