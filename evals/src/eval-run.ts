import Anthropic from '@anthropic-ai/sdk';
import { startInProcessGateway } from '../../bench/support/in-process-gateway';
import { LlmJudge } from './llm-judge';
import { Scenario } from './scenario';
import { ScenarioResult } from './scenario-result';
import { ScenarioRunner } from './scenario.runner';
import { buildScoreboard, Scoreboard } from './scoreboard';
import { ShopSnapshot } from './shop-snapshot';

export interface EvalRunOptions {
  scenarios: Scenario[];
  /** The environment the product is configured from: ANTHROPIC_API_KEY set = Claude, unset = embedded engine. */
  env: Record<string, string | undefined>;
  /** LLM-as-judge scoring; only possible when a key is set. Defaults to on with a key. */
  judge?: boolean;
  onProgress?: (message: string) => void;
}

/** Starts the product in process, replays every scenario from the same demo shop, and scores the run. */
export async function runEval(options: EvalRunOptions): Promise<Scoreboard> {
  const gateway = await startInProcessGateway(options.env);
  try {
    const anthropic = gateway.config.anthropic;
    const judgeOn = !!anthropic && options.judge !== false;
    const judge = judgeOn
      ? new LlmJudge(
          new Anthropic({ apiKey: anthropic.apiKey, baseURL: anthropic.baseUrl, timeout: anthropic.timeoutMs, maxRetries: anthropic.maxRetries }),
          anthropic.smallModel,
        )
      : null;
    const runner = new ScenarioRunner(gateway, judge);
    const snapshot = await ShopSnapshot.take(gateway.db);
    const results: ScenarioResult[] = [];
    for (const [index, scenario] of options.scenarios.entries()) {
      await snapshot.restore();
      // Each scenario is another customer in a fresh world: an earlier one's wrong guesses lock nothing here.
      await gateway.db.query(`DELETE FROM proof_attempts`);
      const result = await runner.run(scenario);
      results.push(result);
      options.onProgress?.(`${index + 1}/${options.scenarios.length} ${result.passed ? 'pass' : 'FAIL'} ${scenario.id}`);
    }
    return buildScoreboard(results, {
      engine: anthropic ? 'claude' : 'embedded',
      models: anthropic ? { small: anthropic.smallModel, main: anthropic.mainModel } : null,
      judge: judgeOn,
    });
  } finally {
    await gateway.close();
  }
}
