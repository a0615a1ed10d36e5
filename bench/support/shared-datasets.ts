import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Finds the shared datasets folder, which sits beside the repository (`<repo>/../shared/datasets`). Tries the
 * working directory first (npm scripts run from the repo root), then this file's location, so a clone elsewhere works.
 */
export function findSharedDatasetsDir(): string {
  const candidates = [resolve(process.cwd(), '../shared/datasets'), resolve(__dirname, '../../../shared/datasets')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(`shared datasets folder not found; looked in ${candidates.join(' and ')}. Put shared/ beside the repository or pass explicit file paths`);
  }
  return found;
}
