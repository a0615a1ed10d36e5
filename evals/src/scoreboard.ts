import { formatFixed, formatTable } from '../../bench/support/table';
import { ScenarioResult } from './scenario-result';

export interface IntentScore {
  intent: string;
  scenarios: number;
  scenariosPassed: number;
  turns: number;
  turnsPassed: number;
  /** Share of scenarios that passed every expectation. */
  passRate: number;
  /** How many turns failed each kind of expectation, e.g. { route: 2, policy: 1 }. */
  failedExpectations: Record<string, number>;
  /** Mean LLM-as-judge scores (1–5) of the judged turns; null when nothing was judged. */
  helpfulness: number | null;
  groundedness: number | null;
}

export interface Scoreboard {
  engine: 'embedded' | 'claude';
  models: { small: string; main: string } | null;
  judge: boolean;
  totals: Omit<IntentScore, 'intent'>;
  byIntent: IntentScore[];
  failing: Array<{ scenario: string; file: string; turn: number | null; expectation: string; expected: string; actual: string }>;
  scenarios: ScenarioResult[];
}

export function buildScoreboard(results: ScenarioResult[], run: Pick<Scoreboard, 'engine' | 'models' | 'judge'>): Scoreboard {
  const intents = [...new Set(results.map((r) => r.intent))].sort();
  const failing = results.flatMap((r) => [
    ...(r.error ? [{ scenario: r.id, file: r.file, turn: null, expectation: 'run', expected: 'the conversation runs to the end', actual: r.error }] : []),
    ...r.turns.flatMap((t) => t.failures.map((f) => ({ scenario: r.id, file: r.file, turn: t.index, ...f }))),
  ]);
  const { intent: _all, ...totals } = score('all', results);
  return {
    ...run,
    totals,
    byIntent: intents.map((intent) =>
      score(
        intent,
        results.filter((r) => r.intent === intent),
      ),
    ),
    failing,
    scenarios: results,
  };
}

function score(intent: string, results: ScenarioResult[]): IntentScore {
  const turns = results.flatMap((r) => r.turns);
  const failedExpectations: Record<string, number> = {};
  for (const turn of turns) for (const kind of new Set(turn.failures.map((f) => f.expectation))) failedExpectations[kind] = (failedExpectations[kind] ?? 0) + 1;
  const errored = results.filter((r) => r.error).length;
  if (errored) failedExpectations.run = errored;
  const judged = turns.flatMap((t) => (t.judge ? [t.judge] : []));
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
  const scenariosPassed = results.filter((r) => r.passed).length;
  return {
    intent,
    scenarios: results.length,
    scenariosPassed,
    turns: turns.length,
    turnsPassed: turns.filter((t) => t.failures.length === 0).length,
    passRate: results.length ? scenariosPassed / results.length : Number.NaN,
    failedExpectations,
    helpfulness: mean(judged.map((j) => j.helpfulness)),
    groundedness: mean(judged.map((j) => j.groundedness)),
  };
}

/** The scoreboard as plain-text tables: per intent, then every failed expectation. */
export function formatScoreboard(board: Scoreboard): string {
  const engine = board.engine === 'claude' ? `Claude (${board.models!.small} / ${board.models!.main})` : 'embedded engine (no model)';
  const judgeColumns = board.judge ? ['helpful', 'grounded'] : [];
  const row = (s: IntentScore) => [
    s.intent,
    s.scenarios,
    s.scenariosPassed,
    s.turns,
    s.turnsPassed,
    `${formatFixed(s.passRate * 100, 0)}%`,
    Object.entries(s.failedExpectations)
      .map(([kind, count]) => `${kind}×${count}`)
      .join(' ') || '-',
    ...(board.judge ? [formatFixed(s.helpfulness ?? Number.NaN, 1), formatFixed(s.groundedness ?? Number.NaN, 1)] : []),
  ];
  const lines = [
    `Eval on ${engine}${board.judge ? ', LLM-as-judge on' : ''}`,
    '',
    formatTable(
      ['intent', 'scenarios', 'passed', 'turns', 'turns ok', 'pass rate', 'failed expectations', ...judgeColumns],
      [...board.byIntent.map(row), row({ intent: 'all', ...board.totals })],
    ),
  ];
  if (board.failing.length) {
    lines.push('', `Failing (${board.scenarios.filter((s) => !s.passed).length} scenarios):`);
    for (const f of board.failing) {
      lines.push(`  ${f.scenario}${f.turn ? ` turn ${f.turn}` : ''}: ${f.expectation}: expected ${f.expected}; got ${f.actual}`);
    }
  }
  return lines.join('\n');
}
