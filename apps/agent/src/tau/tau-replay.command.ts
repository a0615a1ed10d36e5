import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { readTauRetailDb } from '../orders/retail/tau-retail.importer';
import { changedRecords } from './shop-data.compare';
import { replayTask } from './tau-replay';
import { TauScratchStore } from './tau-scratch.store';
import { readTauTasks } from './tau-task';

export interface ReplayOptions {
  tasksPath: string;
  dbFolder: string;
  outPath: string;
  /** `full`: the whole final database per line (about 2.3 MB for τ-bench retail); `changes`: only the records the task changed. */
  finalDb: 'full' | 'changes';
  databaseUrl?: string;
  progress(message: string): void;
}

export interface ReplaySummary {
  tasks: number;
  clean: number;
  /** Tasks with a refused gold action, with the refusals. */
  refused: Array<{ taskId: string; refusals: Array<{ name: string; result: unknown }> }>;
}

/** Replays every task's gold actions on a fresh database and writes one JSON line per task. */
export async function runReplay(options: ReplayOptions): Promise<ReplaySummary> {
  const tasks = readTauTasks(options.tasksPath);
  const db = readTauRetailDb(options.dbFolder);
  const store = await TauScratchStore.open({ databaseUrl: options.databaseUrl });
  const out = createWriteStream(options.outPath);
  const summary: ReplaySummary = { tasks: tasks.length, clean: 0, refused: [] };
  try {
    for (const [index, task] of tasks.entries()) {
      const replay = await replayTask(store, db, task);
      const refusals = replay.actions.filter((a) => !a.ok).map((a) => ({ name: a.name, result: a.result }));
      if (refusals.length) summary.refused.push({ taskId: task.id, refusals });
      else summary.clean++;
      const finalDb = options.finalDb === 'full' ? replay.finalDb : changedRecords(db, replay.finalDb);
      const line = JSON.stringify({ taskId: task.id, ok: !refusals.length, actions: replay.actions, finalDbKind: options.finalDb, finalDb });
      if (!out.write(`${line}\n`)) await once(out, 'drain');
      options.progress(`${index + 1}/${tasks.length} ${task.id} ${refusals.length ? `REFUSED ${refusals.map((r) => r.name).join(', ')}` : 'ok'}`);
    }
  } finally {
    out.end();
    await once(out, 'close');
    await store.close();
  }
  return summary;
}
