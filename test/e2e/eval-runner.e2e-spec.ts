import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main as evalCli } from '../../evals/eval.cli';
import { runEval } from '../../evals/src/eval-run';
import { loadScenarios } from '../../evals/src/scenario.loader';
import { Scoreboard } from '../../evals/src/scoreboard';
import { FakeAnthropic, simulatedSupportModel, startFakeAnthropic } from '../servers/anthropic';

const ROOT = join(__dirname, '..', '..');
const SHIPPED = join(ROOT, 'evals', 'scenarios');
const FIXTURES = join(ROOT, 'evals', 'fixtures');
const ROUTES = ['account', 'complaint', 'faq', 'human_request', 'order_change', 'order_status', 'out_of_scope', 'return_refund'];
const SUITE_TIMEOUT_MS = 240_000;

/** Failures that would mean another customer's data or an unauthorised action reached the customer. */
function authorisationLeaks(board: Scoreboard) {
  const guarded = new Set(board.scenarios.filter((s) => s.tags.includes('authorisation')).map((s) => s.id));
  return board.failing.filter((f) => guarded.has(f.scenario) && (f.expectation === 'not_contains' || f.expectation === 'not_tools'));
}

describe('npm run eval (scenario runner)', () => {
  let claude: FakeAnthropic;
  let scratch: string;

  beforeAll(async () => {
    claude = await startFakeAnthropic({ responder: simulatedSupportModel });
    scratch = mkdtempSync(join(tmpdir(), 'eval-runner-'));
  });
  afterAll(async () => {
    await claude?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('ships at least 40 valid scenarios covering every route, adversarial ones among them', () => {
    const scenarios = loadScenarios(SHIPPED);
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect([...new Set(scenarios.map((s) => s.intent))].sort()).toEqual(ROUTES);
    const tags = new Set(scenarios.flatMap((s) => s.tags));
    for (const tag of ['adversarial', 'authorisation', 'injection', 'abuse', 'pii', 'repeat']) expect(tags).toContain(tag);
  });

  it(
    'reports the deliberately failing fixture as failing, naming each unmet expectation, and the passing one as passing',
    async () => {
      const board = await runEval({ scenarios: loadScenarios(FIXTURES), env: {} });

      expect(board.engine).toBe('embedded');
      expect(board.judge).toBe(false);
      expect(board.totals).toMatchObject({ scenarios: 2, scenariosPassed: 1, turns: 2, turnsPassed: 1, passRate: 0.5 });
      expect(board.scenarios.find((s) => s.id === 'runner-passing')?.passed).toBe(true);
      const failed = board.failing.filter((f) => f.scenario === 'deliberately-failing');
      expect(failed.map((f) => f.expectation).sort()).toEqual(['contains', 'route']);
      expect(failed.find((f) => f.expectation === 'route')).toMatchObject({ turn: 1, expected: 'account' });
    },
    SUITE_TIMEOUT_MS,
  );

  it(
    "runs every shipped scenario on the embedded engine with a scoreboard row per route, never leaking another customer's order",
    async () => {
      const scenarios = loadScenarios(SHIPPED);
      const board = await runEval({ scenarios, env: {} });

      expect(board.byIntent.map((row) => row.intent)).toEqual(ROUTES);
      expect(board.totals.scenarios).toBe(scenarios.length);
      expect(board.totals.turns).toBe(scenarios.reduce((n, s) => n + s.turns.length, 0));
      for (const row of board.byIntent) {
        expect(row.scenariosPassed).toBeLessThanOrEqual(row.scenarios);
        expect(row.passRate).toBeCloseTo(row.scenariosPassed / row.scenarios);
      }
      expect(authorisationLeaks(board)).toEqual([]);
    },
    SUITE_TIMEOUT_MS,
  );

  it(
    "passes every shipped scenario through Claude on the local Messages API (simulated model), judged by the small model, never leaking another customer's order",
    async () => {
      claude.reset();
      const scenarios = loadScenarios(SHIPPED);
      const board = await runEval({ scenarios, env: { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: claude.url, ANTHROPIC_MAX_RETRIES: '0' } });

      expect(board.engine).toBe('claude');
      expect(board.judge).toBe(true);
      expect(board.byIntent.map((row) => row.intent)).toEqual(ROUTES);
      expect(board.failing).toEqual([]);
      expect(board.totals).toMatchObject({
        scenarios: scenarios.length,
        scenariosPassed: scenarios.length,
        turns: scenarios.reduce((n, s) => n + s.turns.length, 0),
      });
      // Every answer went through the product's prompt: instructions, then the policy digest, cached.
      const answers = claude.requests.filter((r) => r.body?.tools?.some((t) => t.name === 'lookup_policy'));
      expect(answers.length).toBeGreaterThan(board.totals.turns);
      const system = answers[0].body!.system as Array<{ text: string; cache_control?: unknown }>;
      expect(system.at(-1)).toMatchObject({
        text: expect.stringContaining('POL-RETURN-30D: You can request a return within 30 days'),
        cache_control: { type: 'ephemeral' },
      });
      // The judge scores answered turns through the small model; its scores reach the scoreboard.
      const judgeRequests = claude.requests.filter((r) => JSON.stringify(r.body?.tools ?? []).includes('record_scores'));
      expect(judgeRequests.length).toBeGreaterThan(0);
      expect(judgeRequests.length).toBeLessThanOrEqual(board.totals.turns);
      expect(judgeRequests[0].body!.model).toBe('claude-haiku-4-5');
      expect(board.totals.helpfulness).toEqual(expect.any(Number));
      expect(authorisationLeaks(board)).toEqual([]);
    },
    SUITE_TIMEOUT_MS,
  );

  it(
    'runs the suite against the simulated model on a local Messages API from the command line (--model local)',
    async () => {
      const out: string[] = [];
      const err: string[] = [];
      const status = await evalCli(
        ['--scenarios', join(SHIPPED, 'order-change'), '--model', 'local', '--judge', 'off'],
        {},
        { out: (t) => out.push(t), err: (t) => err.push(t) },
      );

      expect(err.join('')).toMatch(/Claude on the local Messages API at http:\/\/127\.0\.0\.1:\d+ \(simulated model\)/);
      expect(out.join('')).toMatch(/Eval on Claude/);
      expect(out.join('')).toMatch(/order_change\s+5\s+5\s+7\s+7\s+100%/);
      expect(status).toBe(0);
    },
    SUITE_TIMEOUT_MS,
  );

  it(
    'exits with status 1 from the command line when a scenario fails, with the scoreboard on stdout and the figures in --json',
    () => {
      const jsonFile = join(scratch, 'board.json');
      const run = spawnSync(
        process.execPath,
        [
          '-r',
          'ts-node/register/transpile-only',
          '-r',
          'tsconfig-paths/register',
          'evals/eval.cli.ts',
          '--scenarios',
          'evals/fixtures/deliberately-failing.yaml',
          '--json',
          jsonFile,
        ],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ANTHROPIC_API_KEY: '', NODE_OPTIONS: '' }, timeout: 120_000 },
      );

      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/intent\s+scenarios\s+passed\s+turns/);
      expect(run.stdout).toContain('deliberately-failing turn 1: route: expected account');
      expect(run.stderr).toContain('[eval] 1/1 FAIL deliberately-failing');
      const board = JSON.parse(readFileSync(jsonFile, 'utf8')) as Scoreboard;
      expect(board.totals).toMatchObject({ scenarios: 1, scenariosPassed: 0 });
    },
    SUITE_TIMEOUT_MS,
  );

  it('refuses a malformed scenario file with status 2, naming the file and the field', async () => {
    const bad = join(scratch, 'bad.yaml');
    writeFileSync(bad, 'turns:\n  - say: hello\n    expect:\n      route: shopping\n');
    const errors: string[] = [];
    const status = await evalCli(['--scenarios', bad], {}, { out: () => undefined, err: (text) => errors.push(text) });

    expect(status).toBe(2);
    expect(errors.join('')).toMatch(/bad\.yaml: not a valid scenario:\n\s+- turns\.0\.expect\.route/);
  });
});
