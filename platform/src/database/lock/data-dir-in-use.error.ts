import { hostname } from 'node:os';
import { describeHolder, LockHolder } from './lock-holder';

/** Another process has the embedded database's folder open: PGlite serves one process, so this one must not start. */
export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';

  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
    readonly lockFile: string,
  ) {
    const elsewhere = holder.hostname !== hostname() ? ` (if that host no longer runs it, delete ${lockFile})` : '';
    super(`DATA_DIR ${dataDir} is in use by ${describeHolder(holder)}; stop it or use another DATA_DIR${elsewhere}`);
  }

  /** "process 1234 (npm start, since …)". */
  get heldBy(): string {
    return describeHolder(this.holder);
  }
}
