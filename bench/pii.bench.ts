import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PiiEntity, PiiType } from '../apps/agent/src/pii/pii-entity';
import { PiiRedactor } from '../apps/agent/src/pii/pii-redactor';
import { parseFlags, UsageError } from './support/cli-flags';
import { readJsonl, requireStringField } from './support/jsonl';
import { LatencySummary, summariseLatenciesNs } from './support/percentiles';
import { reportProgress } from './support/progress';
import { findSharedDatasetsDir } from './support/shared-datasets';
import { formatFixed, formatTable } from './support/table';

const USAGE = 'usage: npm run bench:pii -- [--data <jsonl>] [--json <file>]';
const MATCHING_RULE =
  'span overlap: a gold span is found if a prediction of its type shares at least one character with it; a prediction is correct if it shares a character with a gold span of its type';
const PROGRESS_EVERY = 500;
const EXAMPLES_SHOWN = 8;
const WARM_UP_MESSAGES = 200;

/** Presidio type names for the types we redact; GOV_ID (licence, passport, ID card) is scored against the only ID type the data has. */
const DATASET_TYPE: Record<PiiType, string> = {
  EMAIL: 'EMAIL_ADDRESS',
  PHONE: 'PHONE_NUMBER',
  CARD: 'CREDIT_CARD',
  IBAN: 'IBAN_CODE',
  SSN: 'US_SSN',
  GOV_ID: 'US_DRIVER_LICENSE',
  IP: 'IP_ADDRESS',
};

/** Presidio types we leave in the text on purpose, and why. */
const NOT_REDACTED: Record<string, string> = {
  PERSON: 'the agent needs the name to address the customer and find the account; low risk alone; needs an NER model we do not run',
  STREET_ADDRESS: 'needed to act on deliveries and address changes; free-form and multi-line, needs an NER model to find well',
  GPE: 'a city or country does not identify anyone and is needed for shipping questions',
  ORGANIZATION: 'company names are not personal data and are often the subject of the question',
  DATE_TIME: 'order and delivery dates are needed for service',
  AGE: 'a bare number, not identifying alone; cannot be told apart from quantities',
  NRP: 'nationality or religion words; not identifying alone',
  ZIP_CODE: 'needed for delivery questions; not identifying alone',
  TITLE: 'Mr., Dr. or a job title; not identifying',
  DOMAIN_NAME: 'links to public websites, which the agent may need to follow',
};

interface GoldSpan {
  start: number;
  end: number;
  type: string;
}

interface PiiCase {
  id: string;
  text: string;
  spans: GoldSpan[];
}

interface TypeScores {
  type: string;
  support: number;
  found: number;
  predicted: number;
  correct: number;
  recall: number;
  precision: number;
}

interface Miss {
  id: string;
  kind: 'missed' | 'false positive';
  type: string;
  value: string;
  overlaps?: string;
}

interface DatasetResult {
  dataset: string;
  rows: number;
  redacted: TypeScores[];
  notRedacted: { type: string; support: number; reason: string }[];
  latency: LatencySummary;
  examples: Miss[];
}

function toPiiCase(value: unknown): PiiCase {
  const text = requireStringField(value, 'text');
  const spans = (value as { spans?: unknown }).spans;
  if (!Array.isArray(spans)) throw new Error('expected a "spans" array');
  return {
    id: requireStringField(value, 'id'),
    text,
    spans: spans.map((span) => toUtf16Span(text, span as GoldSpan & { value: string })),
  };
}

/** The dataset's offsets are Python code-point indices; JavaScript strings index UTF-16 units, which differ past U+FFFF. */
function toUtf16Span(text: string, span: GoldSpan & { value: string }): GoldSpan {
  if (text.slice(span.start, span.end) === span.value) return { start: span.start, end: span.end, type: span.type };
  const codePoints = Array.from(text);
  const start = codePoints.slice(0, span.start).join('').length;
  const end = start + codePoints.slice(span.start, span.end).join('').length;
  if (text.slice(start, end) !== span.value) throw new Error(`span ${span.start}-${span.end} does not cover "${span.value}"`);
  return { start, end, type: span.type };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function evaluate(dataset: string, cases: PiiCase[], redactor: PiiRedactor): DatasetResult {
  const redactedTypes = Object.values(DATASET_TYPE);
  const scores = new Map(redactedTypes.map((type) => [type, { type, support: 0, found: 0, predicted: 0, correct: 0, recall: 0, precision: 0 }]));
  const examples: Miss[] = [];
  const durationsNs: bigint[] = [];
  const goldCounts = new Map<string, number>();
  // The agent redacts in a long-running process: time warm code, not the first calls' compilation.
  for (const piiCase of cases.slice(0, WARM_UP_MESSAGES)) redactor.redact(piiCase.text);
  cases.forEach((piiCase, index) => {
    const started = process.hrtime.bigint();
    const { entities } = redactor.redact(piiCase.text);
    durationsNs.push(process.hrtime.bigint() - started);
    const predictions = entities.map((entity: PiiEntity) => ({ ...entity, type: DATASET_TYPE[entity.type] }));
    for (const span of piiCase.spans) {
      goldCounts.set(span.type, (goldCounts.get(span.type) ?? 0) + 1);
      const typeScores = scores.get(span.type);
      if (!typeScores) continue;
      typeScores.support++;
      if (predictions.some((prediction) => prediction.type === span.type && overlaps(prediction, span))) typeScores.found++;
      else examples.push({ id: piiCase.id, kind: 'missed', type: span.type, value: piiCase.text.slice(span.start, span.end) });
    }
    for (const prediction of predictions) {
      const typeScores = scores.get(prediction.type)!;
      typeScores.predicted++;
      if (piiCase.spans.some((span) => span.type === prediction.type && overlaps(prediction, span))) typeScores.correct++;
      else {
        const hit = piiCase.spans.find((span) => overlaps(prediction, span));
        examples.push({
          id: piiCase.id,
          kind: 'false positive',
          type: prediction.type,
          value: piiCase.text.slice(prediction.start, prediction.end),
          overlaps: hit?.type ?? 'nothing',
        });
      }
    }
    if ((index + 1) % PROGRESS_EVERY === 0) reportProgress(`${dataset}: ${index + 1}/${cases.length}`);
  });
  const redacted = Array.from(scores.values(), (typeScores) => ({
    ...typeScores,
    recall: typeScores.support ? typeScores.found / typeScores.support : Number.NaN,
    precision: typeScores.predicted ? typeScores.correct / typeScores.predicted : Number.NaN,
  }));
  const notRedacted = Array.from(goldCounts)
    .filter(([type]) => !redactedTypes.includes(type))
    .sort((a, b) => b[1] - a[1])
    .map(([type, support]) => ({ type, support, reason: NOT_REDACTED[type] ?? 'no detector for this type' }));
  return { dataset, rows: cases.length, redacted, notRedacted, latency: summariseLatenciesNs(durationsNs), examples };
}

function printResult(result: DatasetResult): void {
  const total = (pick: (scores: TypeScores) => number) => result.redacted.reduce((sum, scores) => sum + pick(scores), 0);
  console.log(`\n${result.dataset}: ${result.rows} messages`);
  console.log(
    `latency per message, warmed up: p50 ${formatFixed(result.latency.p50Ms, 3)} ms, p99 ${formatFixed(result.latency.p99Ms, 3)} ms, max ${formatFixed(result.latency.maxMs, 3)} ms\n`,
  );
  const rows = result.redacted.map((scores) => [
    scores.type,
    scores.support,
    scores.found,
    scores.predicted,
    scores.correct,
    formatFixed(scores.recall, 3),
    formatFixed(scores.precision, 3),
  ]);
  const [support, found, predicted, correct] = [total((s) => s.support), total((s) => s.found), total((s) => s.predicted), total((s) => s.correct)];
  rows.push([
    'all redacted types',
    support,
    found,
    predicted,
    correct,
    formatFixed(support ? found / support : Number.NaN, 3),
    formatFixed(predicted ? correct / predicted : Number.NaN, 3),
  ]);
  console.log(formatTable(['redacted type', 'support', 'found', 'predicted', 'correct', 'recall', 'precision'], rows));
  if (result.notRedacted.length > 0) {
    console.log('\nnot redacted on purpose:');
    console.log(
      formatTable(
        ['type', 'support', 'why'],
        result.notRedacted.map(({ type, support: count, reason }) => [type, count, reason]),
      ),
    );
  }
  const shown = [
    ...result.examples.filter((miss) => miss.kind === 'false positive').slice(0, EXAMPLES_SHOWN),
    ...result.examples.filter((miss) => miss.kind === 'missed').slice(0, EXAMPLES_SHOWN),
  ];
  if (shown.length > 0) {
    console.log(`\nerrors (up to ${EXAMPLES_SHOWN} of each kind):`);
    console.log(
      formatTable(
        ['id', 'kind', 'type', 'text', 'overlaps gold'],
        shown.map((miss) => [miss.id, miss.kind, miss.type, JSON.stringify(miss.value), miss.overlaps ?? '']),
      ),
    );
  }
}

function main(): void {
  const flags = parseFlags(process.argv.slice(2), ['data', 'json']);
  const data = flags.get('data');
  const datasets = data
    ? [resolve(data)]
    : [join(findSharedDatasetsDir(), 'pii-presidio-synth/dev.jsonl'), resolve(__dirname, '../apps/agent/src/pii/support-pii-cases.jsonl')];
  const redactor = new PiiRedactor();
  console.log(`${PiiRedactor.name} with the default detectors; matching rule: ${MATCHING_RULE}`);
  const results = datasets.map((path) => {
    reportProgress(`reading ${path}`);
    const result = evaluate(path, readJsonl(path, toPiiCase), redactor);
    printResult(result);
    return result;
  });
  const jsonPath = flags.get('json');
  if (jsonPath) {
    writeFileSync(jsonPath, JSON.stringify({ redactor: PiiRedactor.name, matchingRule: MATCHING_RULE, results }, null, 2));
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
