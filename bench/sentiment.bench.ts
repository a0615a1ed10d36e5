import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { LexiconSentimentClassifier } from '../apps/agent/src/sentiment/lexicon-sentiment.classifier';
import { SentimentLabel } from '../apps/agent/src/sentiment/sentiment';
import { parseFlags, UsageError } from './support/cli-flags';
import { readJsonl, requireStringField } from './support/jsonl';
import { LatencySummary, summariseLatenciesNs } from './support/percentiles';
import { reportProgress } from './support/progress';
import { findSharedDatasetsDir } from './support/shared-datasets';
import { formatFixed, formatTable } from './support/table';

const USAGE = 'usage: npm run bench:sentiment -- [--data <jsonl>] [--json <file>]';
const LABELS: SentimentLabel[] = ['negative', 'neutral', 'positive'];
const PROGRESS_EVERY = 2000;

interface LabelledText {
  text: string;
  label: SentimentLabel;
}

interface ClassScores {
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

interface DatasetResult {
  dataset: string;
  rows: number;
  accuracy: number;
  macroF1: number;
  perClass: Record<SentimentLabel, ClassScores>;
  confusion: Record<SentimentLabel, Record<SentimentLabel, number>>;
  latency: LatencySummary;
}

function toLabelledText(value: unknown): LabelledText {
  const label = requireStringField(value, 'label');
  if (!LABELS.includes(label as SentimentLabel)) throw new Error(`label "${label}" is not one of ${LABELS.join(', ')}`);
  return { text: requireStringField(value, 'text'), label: label as SentimentLabel };
}

function evaluate(dataset: string, rows: LabelledText[], classifier: LexiconSentimentClassifier): DatasetResult {
  const confusion = Object.fromEntries(
    LABELS.map((gold) => [gold, Object.fromEntries(LABELS.map((predicted) => [predicted, 0]))]),
  ) as DatasetResult['confusion'];
  const durationsNs: bigint[] = [];
  rows.forEach((row, index) => {
    const started = process.hrtime.bigint();
    const { label } = classifier.classify(row.text);
    durationsNs.push(process.hrtime.bigint() - started);
    confusion[row.label][label]++;
    if ((index + 1) % PROGRESS_EVERY === 0) reportProgress(`${dataset}: ${index + 1}/${rows.length}`);
  });
  const perClass = Object.fromEntries(LABELS.map((label) => [label, classScores(confusion, label)])) as DatasetResult['perClass'];
  const correct = LABELS.reduce((sum, label) => sum + confusion[label][label], 0);
  return {
    dataset,
    rows: rows.length,
    accuracy: correct / rows.length,
    macroF1: LABELS.reduce((sum, label) => sum + perClass[label].f1, 0) / LABELS.length,
    perClass,
    confusion,
    latency: summariseLatenciesNs(durationsNs),
  };
}

function classScores(confusion: DatasetResult['confusion'], label: SentimentLabel): ClassScores {
  const truePositives = confusion[label][label];
  const support = LABELS.reduce((sum, predicted) => sum + confusion[label][predicted], 0);
  const predictedCount = LABELS.reduce((sum, gold) => sum + confusion[gold][label], 0);
  const precision = predictedCount ? truePositives / predictedCount : 0;
  const recall = support ? truePositives / support : 0;
  return { support, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function printResult(result: DatasetResult): void {
  console.log(`\n${result.dataset}: ${result.rows} messages`);
  console.log(
    `accuracy ${formatFixed(result.accuracy, 3)}   macro-F1 ${formatFixed(result.macroF1, 3)}   negative recall ${formatFixed(result.perClass.negative.recall, 3)}`,
  );
  console.log(
    `latency per message: p50 ${formatFixed(result.latency.p50Ms, 3)} ms, p99 ${formatFixed(result.latency.p99Ms, 3)} ms, max ${formatFixed(result.latency.maxMs, 3)} ms\n`,
  );
  console.log(
    formatTable(
      ['class', 'support', 'precision', 'recall', 'F1', ...LABELS.map((label) => `→${label}`)],
      LABELS.map((label) => {
        const scores = result.perClass[label];
        return [
          label,
          scores.support,
          formatFixed(scores.precision, 3),
          formatFixed(scores.recall, 3),
          formatFixed(scores.f1, 3),
          ...LABELS.map((predicted) => result.confusion[label][predicted]),
        ];
      }),
    ),
  );
}

function main(): void {
  const flags = parseFlags(process.argv.slice(2), ['data', 'json']);
  const data = flags.get('data');
  const datasets = data
    ? [resolve(data)]
    : [join(findSharedDatasetsDir(), 'sentiment-tweeteval/sentiment_dev.jsonl'), resolve(__dirname, '../apps/agent/src/sentiment/support-sentiment.jsonl')];
  const classifier = new LexiconSentimentClassifier();
  console.log(`${LexiconSentimentClassifier.name}, default thresholds; rows in "→label" columns are gold labels, columns are predictions`);
  const results = datasets.map((path) => {
    reportProgress(`reading ${path}`);
    const result = evaluate(path, readJsonl(path, toLabelledText), classifier);
    printResult(result);
    return result;
  });
  const jsonPath = flags.get('json');
  if (jsonPath) {
    writeFileSync(jsonPath, JSON.stringify({ classifier: LexiconSentimentClassifier.name, results }, null, 2));
    reportProgress(`figures written to ${jsonPath}`);
  }
}

try {
  main();
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  if (error instanceof UsageError) console.error(USAGE);
  process.exit(error instanceof UsageError ? 2 : 1);
}
