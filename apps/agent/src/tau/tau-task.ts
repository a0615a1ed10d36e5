import { existsSync, readFileSync } from 'node:fs';

/** One τ-bench task: the simulated customer's instruction, the gold tool calls, the outputs the agent must say. */
export interface TauTask {
  id: string;
  userId: string;
  instruction: string;
  actions: Array<{ name: string; arguments: Record<string, unknown> }>;
  outputs: string[];
}

/** Reads a tasks JSONL file (`{"id","user_id","instruction","actions":[{"name","arguments"}],"outputs"}` per line). */
export function readTauTasks(path: string): TauTask[] {
  if (!existsSync(path)) throw new Error(`${path}: tasks file not found`);
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .flatMap((line, index) => {
      if (!line.trim()) return [];
      const where = `${path}:${index + 1}`;
      let row: Record<string, unknown>;
      try {
        row = JSON.parse(line);
      } catch (error) {
        throw new Error(`${where}: not valid JSON (${(error as Error).message})`);
      }
      if (typeof row.id !== 'string' || typeof row.instruction !== 'string' || !Array.isArray(row.actions)) {
        throw new Error(`${where}: a task needs "id", "instruction" and "actions"`);
      }
      return [
        {
          id: row.id,
          userId: typeof row.user_id === 'string' ? row.user_id : '',
          instruction: row.instruction,
          actions: row.actions as TauTask['actions'],
          outputs: Array.isArray(row.outputs) ? (row.outputs as string[]) : [],
        },
      ];
    });
}
