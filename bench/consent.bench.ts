/**
 * Scores the consent-reply classifier on labelled customer replies to a proposed action, beside the old yes-word
 * detector as the baseline, in one run.
 *
 *   npm run bench:consent -- [--data <jsonl>] [--json <file>]
 *
 * The number that matters is false yes: a reply labelled no or unclear that a judge takes as consent (goal 0).
 * Figures go to stdout as tables; progress goes to stderr.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { classifyConsentReply } from '../apps/agent/src/consent/consent-reply.classifier';
import { customerConfirmed } from './support/yes-word.baseline';
import { parseFlags, UsageError } from './support/cli-flags';
import { CONSENT_LABELS, CONSENT_REPLIES_PATH, LabelledConsentReply, proposalOf, readConsentReplies } from './support/consent-replies';
import { summariseLatenciesNs } from './support/percentiles';
import { reportProgress } from './support/progress';
import { formatFixed, formatTable } from './support/table';

const USAGE = 'usage: npm run bench:consent -- [--data <jsonl>] [--json <file>]';
/** The old detector only counts a yes after a bot message that asked for one; every reply answers this. */
const BASELINE_QUESTION = 'Shall I cancel order #W1234567? Reply yes to confirm.';
/**
 * Each reply is timed as batches of calls and the median batch is kept: on a shared machine a single call's time is
 * mostly the scheduler's, not the judge's.
 */
const CALLS_PER_BATCH = 20;
const BATCHES = 5;

interface Judge {
  name: string;
  role: 'before' | 'after';
  verdicts: string[];
  judge: (reply: string, proposal: string) => string;
}

const JUDGES: Judge[] = [
  {
    name: 'customerConfirmed (yes-word detector)',
    role: 'before',
    verdicts: ['yes', 'not yes'],
    judge: (reply) => (customerConfirmed(BASELINE_QUESTION, reply) ? 'yes' : 'not yes'),
  },
  { name: 'classifyConsentReply', role: 'after', verdicts: CONSENT_LABELS, judge: (reply, proposal) => classifyConsentReply(reply, proposalOf(proposal)) },
];

interface JudgedReply {
  reply: string;
  label: string;
  verdict: string;
  proposal: string;
  note?: string;
}

interface JudgeFigures {
  judge: string;
  role: Judge['role'];
  total: number;
  /** Replies labelled no or unclear that the judge took as consent. */
  falseYes: number;
  falseYesRate: number;
  yesRecall: number;
  yesPrecision: number;
  /** Share of replies whose verdict equals the label; only for a judge that answers yes/no/unclear. */
  exactAgreement?: number;
  confusion: Record<string, Record<string, number>>;
  p50Us: number;
  p99Us: number;
  falseYeses: JudgedReply[];
  missedYeses: JudgedReply[];
}

/** Nanoseconds one call takes on this reply: the median of BATCHES batches of CALLS_PER_BATCH calls. */
function timeReplyNs(judge: Judge, { reply, proposal }: LabelledConsentReply): bigint {
  const batchesNs: bigint[] = [];
  for (let batch = 0; batch < BATCHES; batch++) {
    const started = process.hrtime.bigint();
    for (let call = 0; call < CALLS_PER_BATCH; call++) judge.judge(reply, proposal);
    batchesNs.push((process.hrtime.bigint() - started) / BigInt(CALLS_PER_BATCH));
  }
  return batchesNs.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[Math.floor(BATCHES / 2)];
}

function score(judge: Judge, rows: LabelledConsentReply[]): JudgeFigures {
  reportProgress(`${judge.name}: judging and timing ${rows.length} replies`);
  for (const row of rows) judge.judge(row.reply, row.proposal);
  const durationsNs = rows.map((row) => timeReplyNs(judge, row));
  const judged = rows.map((row): JudgedReply => ({
    reply: row.reply,
    label: row.label,
    verdict: judge.judge(row.reply, row.proposal),
    proposal: row.proposal,
    note: row.note,
  }));
  const confusion = Object.fromEntries(CONSENT_LABELS.map((label) => [label, Object.fromEntries(judge.verdicts.map((verdict) => [verdict, 0]))]));
  for (const { label, verdict } of judged) confusion[label][verdict]++;
  const falseYeses = judged.filter((row) => row.verdict === 'yes' && row.label !== 'yes');
  const missedYeses = judged.filter((row) => row.verdict !== 'yes' && row.label === 'yes');
  const goldYes = judged.filter((row) => row.label === 'yes').length;
  const judgedYes = judged.filter((row) => row.verdict === 'yes').length;
  const latency = summariseLatenciesNs(durationsNs);
  return {
    judge: judge.name,
    role: judge.role,
    total: judged.length,
    falseYes: falseYeses.length,
    falseYesRate: falseYeses.length / (judged.length - goldYes),
    yesRecall: (goldYes - missedYeses.length) / goldYes,
    yesPrecision: judgedYes ? (judgedYes - falseYeses.length) / judgedYes : Number.NaN,
    exactAgreement: judge.verdicts === CONSENT_LABELS ? judged.filter((row) => row.verdict === row.label).length / judged.length : undefined,
    confusion,
    p50Us: latency.p50Ms * 1000,
    p99Us: latency.p99Ms * 1000,
    falseYeses,
    missedYeses,
  };
}

function printFigures(dataPath: string, rows: LabelledConsentReply[], results: JudgeFigures[]): void {
  const counts = CONSENT_LABELS.map((label) => `${rows.filter((row) => row.label === label).length} ${label}`).join(', ');
  console.log(`${dataPath}: ${rows.length} replies (${counts})`);
  console.log(`baseline asked before every reply: "${BASELINE_QUESTION}"`);
  console.log('false yes = labelled no or unclear but taken as consent (goal 0); rate is over the no and unclear replies');
  console.log(`µs per reply: median of ${BATCHES} batches of ${CALLS_PER_BATCH} calls on that reply; p50/p99 over the replies\n`);
  console.log(
    formatTable(
      ['judge', 'when', 'replies', 'false yes', 'false-yes rate', 'yes recall', 'yes precision', 'exact', 'p50 µs', 'p99 µs'],
      results.map((r) => [
        r.judge,
        r.role,
        r.total,
        r.falseYes,
        formatFixed(r.falseYesRate, 3),
        formatFixed(r.yesRecall, 3),
        formatFixed(r.yesPrecision, 3),
        formatFixed(r.exactAgreement, 3),
        formatFixed(r.p50Us, 1),
        formatFixed(r.p99Us, 1),
      ]),
    ),
  );
  for (const r of results) {
    const verdicts = Object.keys(r.confusion.yes);
    console.log(`\n${r.judge} (${r.role}): rows are labels, columns are verdicts`);
    console.log(
      formatTable(
        ['label', ...verdicts.map((verdict) => `→${verdict}`)],
        CONSENT_LABELS.map((label) => [label, ...verdicts.map((verdict) => r.confusion[label][verdict])]),
      ),
    );
  }
  for (const r of results) {
    printReplies(`false yes, ${r.judge} (${r.role})`, r.falseYeses);
    printReplies(`missed yes, ${r.judge} (${r.role})`, r.missedYeses);
  }
}

function printReplies(title: string, replies: JudgedReply[]): void {
  console.log(`\n${title}: ${replies.length === 0 ? 'none' : replies.length}`);
  if (replies.length === 0) return;
  console.log(
    formatTable(
      ['label', 'verdict', 'proposal', 'reply', 'note'],
      replies.map((row) => [row.label, row.verdict, row.proposal, JSON.stringify(row.reply), row.note ?? '']),
    ),
  );
}

function main(): void {
  const flags = parseFlags(process.argv.slice(2), ['data', 'json']);
  const dataPath = resolve(flags.get('data') ?? CONSENT_REPLIES_PATH);
  reportProgress(`reading ${dataPath}`);
  const rows = readConsentReplies(dataPath);
  if (rows.length === 0) throw new Error(`${dataPath}: no replies to score`);
  const results = JUDGES.map((judge) => score(judge, rows));
  printFigures(dataPath, rows, results);
  const jsonPath = flags.get('json');
  if (jsonPath !== undefined) {
    writeFileSync(
      jsonPath,
      JSON.stringify({ bench: 'consent', data: dataPath, baselineQuestion: BASELINE_QUESTION, generatedAt: new Date().toISOString(), results }, null, 2),
    );
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
