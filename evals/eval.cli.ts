import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFlags, UsageError } from '../bench/support/cli-flags';
import { runEval } from './src/eval-run';
import { loadScenarios, ScenarioFileError } from './src/scenario.loader';
import { formatScoreboard, Scoreboard } from './src/scoreboard';
import { simulatedSupportModel, startFakeAnthropic } from '../test/servers/anthropic';

const USAGE = 'usage: npm run eval -- [--scenarios <folder|file>] [--json <file>] [--judge on|off] [--model env|local]';
const DEFAULT_SCENARIOS = resolve(__dirname, 'scenarios');

/**
 * `npm run eval`: replays the scenario files through the product and prints a scoreboard per intent.
 * Returns the exit status: 0 all passed, 1 a scenario failed, 2 a usage or scenario-file error.
 */
export async function main(
  argv: string[],
  env: Record<string, string | undefined>,
  io: { out: (text: string) => void; err: (text: string) => void } = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) },
): Promise<number> {
  try {
    const flags = parseFlags(argv, ['scenarios', 'json', 'judge', 'model']);
    const judgeFlag = flags.get('judge');
    if (judgeFlag !== undefined && judgeFlag !== 'on' && judgeFlag !== 'off') throw new UsageError('--judge must be on or off');
    const model = flags.get('model') ?? 'env';
    if (model !== 'env' && model !== 'local')
      throw new UsageError('--model must be env (the engine the environment configures) or local (the simulated model on a local Messages API)');
    const scenarios = loadScenarios(flags.get('scenarios') ?? DEFAULT_SCENARIOS);
    const progress = (message: string) => io.err(`[eval] ${message}\n`);
    const local = model === 'local' ? await startFakeAnthropic({ responder: simulatedSupportModel }) : null;
    try {
      progress(
        `${scenarios.length} scenarios, starting the product in process${local ? `, Claude on the local Messages API at ${local.url} (simulated model)` : ''}`,
      );
      const runEnv = local ? { ...env, ANTHROPIC_API_KEY: 'local-simulated-model', ANTHROPIC_BASE_URL: local.url, ANTHROPIC_MAX_RETRIES: '0' } : env;
      const board = await runEval({ scenarios, env: runEnv, judge: judgeFlag === undefined ? undefined : judgeFlag === 'on', onProgress: progress });
      return report(board, flags.get('json'), io);
    } finally {
      await local?.close();
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ScenarioFileError) {
      io.err(`${error.message}\n${error instanceof UsageError ? `${USAGE}\n` : ''}`);
      return 2;
    }
    throw error;
  }
}

function report(board: Scoreboard, jsonFile: string | undefined, io: { out: (text: string) => void }): number {
  io.out(`${formatScoreboard(board)}\n`);
  if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(board, null, 2)}\n`);
  return board.totals.scenariosPassed === board.totals.scenarios ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then(
    (status) => {
      process.exitCode = status;
    },
    (error) => {
      process.stderr.write(`eval failed: ${(error as Error).stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}
