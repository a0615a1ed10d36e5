import { TokenUsage } from '@support/conversation';
import { ShopData } from '../orders/shop.model';
import { passHatK } from './pass-hat-k';
import { SimulatedCustomer } from './simulated-customer';
import { EpisodeDependencies, EpisodeEnd, EpisodeTurn, runEpisode } from './tau-episode';
import { replayTask } from './tau-replay';
import { scoreTauEpisode, TauScore } from './tau-reward';
import { TauTask } from './tau-task';

export interface TrialResult extends TauScore {
  trial: number;
  endedBy: EpisodeEnd;
  error?: string;
  turns: EpisodeTurn[];
  lastCustomerMessage: string | null;
  usage: TokenUsage;
}

export interface TaskResult {
  taskId: string;
  /** Gold actions the tool layer refused when computing the gold database (should be none). */
  goldRefusals: string[];
  trials: TrialResult[];
}

export interface TauRunReport {
  tasks: number;
  trials: number;
  /** pass^k for k = 1..trials. */
  passHatK: Record<string, number>;
  results: TaskResult[];
}

export interface TauRunOptions extends EpisodeDependencies {
  tasks: TauTask[];
  db: ShopData;
  trials: number;
  /** A fresh simulated customer for a task's trial. */
  customerFor(task: TauTask, trial: number): SimulatedCustomer;
  progress(message: string): void;
  /** Called after every trial with the report so far, e.g. to save it. */
  onProgress?(report: TauRunReport): Promise<void> | void;
}

/**
 * The τ-bench protocol: for every trial and task, a conversation between the product's agent and a
 * simulated customer on a fresh database, scored against the database the gold actions give.
 */
export async function runTau(options: TauRunOptions): Promise<TauRunReport> {
  const results = new Map<string, TaskResult>();
  const gold = new Map<string, ShopData>();
  for (const task of options.tasks) {
    const replay = await replayTask(options.store, options.db, task);
    gold.set(task.id, replay.finalDb);
    results.set(task.id, {
      taskId: task.id,
      goldRefusals: replay.actions.filter((a) => !a.ok).map((a) => `${a.name}: ${JSON.stringify(a.result)}`),
      trials: [],
    });
  }
  const total = options.trials * options.tasks.length;
  let done = 0;
  let rewards = 0;
  for (let trial = 0; trial < options.trials; trial++) {
    for (const task of options.tasks) {
      const episode = await runEpisode(options, `tau_${task.id}_t${trial}`, options.db, options.customerFor(task, trial));
      const score = scoreTauEpisode(
        episode.finalDb,
        gold.get(task.id)!,
        task.outputs,
        episode.turns.map((t) => t.agent),
      );
      results.get(task.id)!.trials.push({
        trial,
        ...score,
        endedBy: episode.endedBy,
        ...(episode.error ? { error: episode.error } : {}),
        turns: episode.turns,
        lastCustomerMessage: episode.lastCustomerMessage,
        usage: episode.usage,
      });
      done++;
      rewards += score.reward;
      const why = score.reward
        ? ''
        : ` (${[!score.dbMatch && 'database differs', score.missingOutputs.length && 'missing outputs', episode.error].filter(Boolean).join('; ')})`;
      options.progress(
        `[${done}/${total}] trial ${trial + 1} ${task.id}: reward ${score.reward}${why}, ${episode.turns.length} turns, ended by ${episode.endedBy}; running mean ${(rewards / done).toFixed(3)}`,
      );
      await options.onProgress?.(report(options, results));
    }
  }
  return report(options, results);
}

function report(options: TauRunOptions, results: Map<string, TaskResult>): TauRunReport {
  const counts = [...results.values()]
    .filter((r) => r.trials.length)
    .map((r) => ({ trials: r.trials.length, successes: r.trials.filter((t) => t.reward === 1).length }));
  const passes: Record<string, number> = {};
  for (let k = 1; k <= options.trials; k++) passes[`pass^${k}`] = passHatK(counts, k);
  return { tasks: options.tasks.length, trials: options.trials, passHatK: passes, results: [...results.values()] };
}
