import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '@support/platform';
import { runTauCommand } from '../../apps/agent/src/tau/tau-run.command';
import { FakeAnthropic, ScriptStep, startFakeAnthropic } from '../servers/anthropic';

const DATASET = resolve(__dirname, '../../../shared/datasets/tau-bench-retail');
const ROOT = resolve(__dirname, '../..');

const say = (text: string): ScriptStep => ({ reply: text });
const use = (name: string, input: Record<string, unknown>): ScriptStep => ({ reply: [{ type: 'tool_use', name, input }] });

describe('npm run tau -- run (the product agent against a model-played customer, on a local Messages API)', () => {
  let claude: FakeAnthropic;
  let dir: string;

  beforeAll(async () => {
    claude = await startFakeAnthropic();
    dir = mkdtempSync(join(tmpdir(), 'tau-run-'));
    const dev = readFileSync(join(DATASET, 'tasks_dev.jsonl'), 'utf8').split('\n').filter(Boolean);
    // retail-dev-000: Olivia Ito cancels #W5442520; retail-dev-002: Harper Moore cancels #W3942868.
    writeFileSync(join(dir, 'tasks.jsonl'), `${dev.find((l) => l.includes('"retail-dev-000"'))}\n${dev.find((l) => l.includes('"retail-dev-002"'))}\n`);
  });
  afterAll(async () => {
    await claude?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('scores a conversation that reaches the gold database 1, and one where the agent acts unconfirmed 0', async () => {
    claude.script(
      // Task 1. The customer opens; the agent authenticates, checks, proposes the cancellation through its tool (the product asks);
      // the customer confirms; the agent cancels.
      say("Hi, I'm Olivia Ito, zip code 80218. I won't be home when order #W5442520 arrives, so I'd like to cancel it."),
      use('find_user_id_by_name_zip', { first_name: 'Olivia', last_name: 'Ito', zip: '80218' }),
      use('get_order_details', { order_id: '#W5442520' }),
      use('cancel_pending_order', { order_id: '#W5442520', reason: 'no longer needed' }),
      say(
        "Order #W5442520 is pending. I can cancel it with the reason 'no longer needed'; the $663.85 goes back to your credit card in 5-7 business days (policy POL-TAU-CANCEL).",
      ),
      say('Yes, please cancel it.'),
      use('cancel_pending_order', { order_id: '#W5442520', reason: 'no longer needed' }),
      say('Done: order #W5442520 is cancelled and the refund is on its way.'),
      say('###STOP###'),
      // Task 2. The agent cancels before the customer confirmed anything: the change is only proposed, and never accepted.
      say('Hello, my email is harper.moore2816@example.com. I found my tea kettle for half the price elsewhere, I want my money back.'),
      use('find_user_id_by_email', { email: 'harper.moore2816@example.com' }),
      use('cancel_pending_order', { order_id: '#W3942868', reason: 'no longer needed' }),
      say('I could not cancel the order yet. Is there anything else?'),
      say('###STOP###'),
    );
    const config = loadConfig({ ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: claude.url, ANTHROPIC_MAX_RETRIES: '0' });
    const progress: string[] = [];
    const outPath = join(dir, 'results.json');

    const report = await runTauCommand(config, {
      tasksPath: join(dir, 'tasks.jsonl'),
      dbFolder: join(DATASET, 'db'),
      policyPath: join(DATASET, 'policy/wiki.md'),
      trials: 1,
      maxTurns: 30,
      outPath,
      progress: (m) => progress.push(m),
    });

    expect(report!.passHatK).toEqual({ 'pass^1': 0.5 });
    const [passed, failed] = report!.results;
    expect(passed.trials[0]).toMatchObject({ reward: 1, dbMatch: true, endedBy: 'customer_stopped' });
    expect(passed.trials[0].turns.map((t) => t.confirmed)).toEqual([false, true]);
    expect(passed.trials[0].turns[0].agent).toMatch(/To confirm: shall I cancel order #W5442520 .*\? Please reply yes/);
    expect(failed.trials[0]).toMatchObject({ reward: 0, dbMatch: false, endedBy: 'customer_stopped' });
    expect(failed.trials[0].turns[0].toolCalls[1]).toMatchObject({ name: 'cancel_pending_order', isError: true, result: { code: 'confirmation_required' } });
    expect(progress.filter((m) => /reward/.test(m))).toHaveLength(2);
    expect(JSON.parse(readFileSync(outPath, 'utf8'))).toMatchObject({
      passHatK: { 'pass^1': 0.5 },
      results: [{ taskId: 'retail-dev-000' }, { taskId: 'retail-dev-002' }],
    });

    const [customerOpening, agentFirst] = claude.requests.map((r) => r.body!);
    expect(JSON.stringify(customerOpening.system)).toContain('Your name is Olivia Ito');
    expect(agentFirst.tools!.map((t) => t.name)).toContain('exchange_delivered_order_items');
    expect(JSON.stringify(agentFirst.messages)).toContain('Retail agent policy');
    expect(JSON.stringify(agentFirst.messages)).toContain('POL-TAU-CANCEL');
  }, 120_000);

  it('says it needs a model key and exits cleanly without one', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ANTHROPIC_')));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/agent/src/tau/tau.cli.ts', 'run', join(DATASET, 'tasks_dev.jsonl')],
      { cwd: ROOT, env: { ...env, NODE_OPTIONS: '' } },
    );
    expect(stdout).toMatch(/needs a model: set ANTHROPIC_API_KEY/);
  }, 60_000);
});
