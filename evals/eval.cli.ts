import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseFlags, UsageError } from '../bench/support/cli-flags';
import { runEval } from './src/eval-run';
import { loadScenarios, ScenarioFileError } from './src/scenario.loader';
import { formatScoreboard } from './src/scoreboard';

const USAGE = 'usage: npm run eval -- [--scenarios <folder|file>] [--json <file>] [--judge on|off]';
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
    const flags = parseFlags(argv, ['scenarios', 'json', 'judge']);
    const judgeFlag = flags.get('judge');
    if (judgeFlag !== undefined && judgeFlag !== 'on' && judgeFlag !== 'off') throw new UsageError('--judge must be on or off');
    const scenarios = loadScenarios(flags.get('scenarios') ?? DEFAULT_SCENARIOS);
    const progress = (message: string) => io.err(`[eval] ${message}\n`);
    progress(`${scenarios.length} scenarios, starting the product in process`);
    const board = await runEval({ scenarios, env, judge: judgeFlag === undefined ? undefined : judgeFlag === 'on', onProgress: progress });
    io.out(`${formatScoreboard(board)}\n`);
    const jsonFile = flags.get('json');
    if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify(board, null, 2)}\n`);
    return board.totals.scenariosPassed === board.totals.scenarios ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ScenarioFileError) {
      io.err(`${error.message}\n${error instanceof UsageError ? `${USAGE}\n` : ''}`);
      return 2;
    }
    throw error;
  }
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
