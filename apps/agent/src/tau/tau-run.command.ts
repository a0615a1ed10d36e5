import Anthropic from '@anthropic-ai/sdk';
import { readFileSync, writeFileSync } from 'node:fs';
import { AppConfig } from '@support/platform';
import { ClaudeResponseGenerator } from '../generation/claude-response.generator';
import { readTauRetailDb } from '../orders/retail/tau-retail.importer';
import { ClaudeSimulatedCustomer } from './claude-simulated-customer';
import { runTau, TauRunReport } from './tau-runner';
import { TauScratchStore } from './tau-scratch.store';
import { readTauTasks } from './tau-task';

export interface RunCommandOptions {
  tasksPath: string;
  dbFolder: string;
  policyPath: string;
  trials: number;
  maxTurns: number;
  outPath?: string;
  /** Run only the first N tasks. */
  limit?: number;
  agentModel?: string;
  userModel?: string;
  maxToolRounds?: number;
  databaseUrl?: string;
  progress(message: string): void;
}

/** `tau run`: the product's Claude agent against a Claude-played customer on every task; null without a model key. */
export async function runTauCommand(config: AppConfig, options: RunCommandOptions): Promise<TauRunReport | null> {
  if (!config.anthropic) return null;
  const { apiKey, baseUrl, timeoutMs, maxRetries, mainModel } = config.anthropic;
  // A long conversation with the whole policy in the prompt streams for a while; allow a minute per call at least.
  const client = new Anthropic({ apiKey, baseURL: baseUrl, timeout: Math.max(timeoutMs, 60_000), maxRetries: Math.max(maxRetries, 2) });
  const agentModel = options.agentModel ?? mainModel;
  const generator = new ClaudeResponseGenerator(client, {
    smallModel: agentModel,
    mainModel: agentModel,
    maxToolRounds: options.maxToolRounds ?? config.agent.maxToolRounds,
    minPassageScore: config.agent.minRetrievalScore,
  });
  const tasks = readTauTasks(options.tasksPath).slice(0, options.limit);
  const store = await TauScratchStore.open({ databaseUrl: options.databaseUrl });
  const save = (report: TauRunReport) => {
    if (options.outPath) writeFileSync(options.outPath, JSON.stringify({ agentModel, userModel: options.userModel ?? mainModel, ...report }, null, 1));
  };
  try {
    options.progress(`${tasks.length} tasks × ${options.trials} trials; agent ${agentModel}, customer ${options.userModel ?? mainModel}`);
    const report = await runTau({
      store,
      generator,
      policy: readFileSync(options.policyPath, 'utf8'),
      maxTurns: options.maxTurns,
      tasks,
      db: readTauRetailDb(options.dbFolder),
      trials: options.trials,
      customerFor: (task) => new ClaudeSimulatedCustomer(client, { model: options.userModel ?? mainModel, instruction: task.instruction }),
      progress: options.progress,
      onProgress: save,
    });
    save(report);
    return report;
  } finally {
    await store.close();
  }
}
