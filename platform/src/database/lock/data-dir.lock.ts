import { linkSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataDirInUseError } from './data-dir-in-use.error';
import { holderMayBeAlive, LockHolder, parseHolder, readLockFile, thisProcessAsHolder } from './lock-holder';

export const LOCK_FILE_NAME = 'support-agent.lock';

export interface DataDirLockOptions {
  /** How the holder is named to a process that is refused, e.g. "npm start". */
  command?: string;
  /** Told when a lock left by a process that is gone is taken over. */
  onTakeover?(previous: LockHolder | undefined): void;
}

/** A takeover takes milliseconds; a takeover marker older than this was left by a crash. */
const ABANDONED_TAKEOVER_MS = 10_000;
const MAX_ATTEMPTS = 200;

/** Locks this process holds, by lock file: taken again by the same process, they are shared, not refused. */
const held = new Map<string, { count: number; content: string }>();

/**
 * The embedded database's folder, held by one process at a time: a file in it names the holder (pid, host,
 * command, start), created atomically, removed when the last holder in the process releases it or the
 * process exits. A lock whose process is gone (kill -9, a crash) is taken over.
 */
export class DataDirLock {
  private released = false;

  private constructor(private readonly file: string) {}

  static acquire(dataDir: string, options: DataDirLockOptions = {}): DataDirLock {
    const file = resolve(dataDir, LOCK_FILE_NAME);
    const mine = held.get(file);
    if (mine) {
      mine.count++;
      return new DataDirLock(file);
    }
    mkdirSync(dataDir, { recursive: true });
    const content = JSON.stringify(thisProcessAsHolder(options.command));
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (createExclusively(file, content)) {
        held.set(file, { count: 1, content });
        releaseAllOnExit();
        return new DataDirLock(file);
      }
      const raw = readLockFile(file);
      if (raw === undefined) continue;
      const holder = parseHolder(raw);
      if (holder && holderMayBeAlive(holder)) throw new DataDirInUseError(dataDir, holder, file);
      if (removeIfUnchanged(file, raw)) options.onTakeover?.(holder);
      else pause(50);
    }
    throw new Error(`could not take the lock ${file}: other processes keep taking it`);
  }

  /** Gives the lock up; the file goes when the process's last holder releases it. */
  release(): void {
    if (this.released) return;
    this.released = true;
    const mine = held.get(this.file);
    if (!mine || --mine.count > 0) return;
    held.delete(this.file);
    removeIfOurs(this.file, mine.content);
  }
}

/**
 * link(2) fails when the name exists, like O_EXCL, and the lock appears with its content already
 * written: nobody ever reads a half-written lock and mistakes it for an abandoned one.
 */
function createExclusively(file: string, content: string): boolean {
  const draft = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(draft, content, { flag: 'wx' });
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * Removes an abandoned lock only if it still says what we read: two processes finding the same abandoned
 * lock take turns through a takeover marker, so the second never removes the first one's fresh lock.
 */
function removeIfUnchanged(file: string, abandoned: string): boolean {
  const marker = `${file}.takeover`;
  if (!createExclusively(marker, String(process.pid))) {
    if (ageMs(marker) > ABANDONED_TAKEOVER_MS) rmSync(marker, { force: true });
    return false;
  }
  try {
    if (readLockFile(file) !== abandoned) return false;
    rmSync(file, { force: true });
    return true;
  } finally {
    rmSync(marker, { force: true });
  }
}

function removeIfOurs(file: string, content: string): void {
  if (readLockFile(file) === content) rmSync(file, { force: true });
}

let exitHookInstalled = false;

function releaseAllOnExit(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const [file, { content }] of held) removeIfOurs(file, content);
    held.clear();
  });
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
