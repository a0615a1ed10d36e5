import { RetailSession } from '../orders/retail/retail-session';
import { ShopData } from '../orders/shop.model';
import { RetailToolSet } from '../tools/retail-tool-set';
import { TauTask } from './tau-task';
import { TauScratchStore } from './tau-scratch.store';

export interface ReplayedAction {
  name: string;
  arguments: Record<string, unknown>;
  ok: boolean;
  /** What the tool answered the model (JSON, a user id, or the refusal). */
  result: unknown;
}

export interface TaskReplay {
  taskId: string;
  actions: ReplayedAction[];
  /** The database after the gold actions, in τ-bench's JSON shape. */
  finalDb: ShopData;
}

/** τ-bench ends the episode on a transfer; the gold replay skips it, as τ-bench does. */
const TERMINATING_TOOLS = new Set(['transfer_to_human_agents']);

/**
 * Applies a task's gold actions to a fresh copy of the database through the same tool set the agent
 * calls, as the task's customer, authenticated and having confirmed every action.
 */
export async function replayTask(store: TauScratchStore, db: ShopData, task: TauTask): Promise<TaskReplay> {
  await store.reset(db);
  const tools = new RetailToolSet(store.retail, { session: new RetailSession({ authenticatedUserId: task.userId || undefined }), confirmed: true });
  const actions: ReplayedAction[] = [];
  for (const action of task.actions) {
    if (TERMINATING_TOOLS.has(action.name)) continue;
    const execution = await tools.execute(action.name, action.arguments);
    const outcome = execution.record.result as { ok: boolean; data?: unknown; code?: string; message?: string };
    actions.push({
      name: action.name,
      arguments: action.arguments,
      ok: outcome.ok,
      result: outcome.ok ? outcome.data : { error: outcome.code, message: outcome.message },
    });
  }
  return { taskId: task.id, actions, finalDb: await store.shop.exportShop() };
}
