import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { relative } from 'node:path';

/** Who holds a data folder: what its lock file says. */
export interface LockHolder {
  pid: number;
  hostname: string;
  command: string;
  startedAt: string;
}

export function thisProcessAsHolder(command?: string): LockHolder {
  return { pid: process.pid, hostname: hostname(), command: command ?? describeThisProcess(), startedAt: new Date().toISOString() };
}

/** The raw lock file, or undefined when there is none. */
export function readLockFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function parseHolder(raw: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(raw) as Partial<LockHolder>;
    if (!Number.isInteger(holder.pid) || typeof holder.hostname !== 'string') return undefined;
    return { pid: holder.pid!, hostname: holder.hostname, command: String(holder.command ?? 'unknown command'), startedAt: String(holder.startedAt ?? '') };
  } catch {
    return undefined;
  }
}

/**
 * Whether the holder may still be running. Only a process on this host can be checked; our own pid in a
 * lock we do not hold was left by an earlier process that had the same pid (a container's pid 1).
 */
export function holderMayBeAlive(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function describeHolder(holder: LockHolder): string {
  const since = holder.startedAt ? `, since ${holder.startedAt.slice(0, 19).replace('T', ' ')} UTC` : '';
  const where = holder.hostname === hostname() ? '' : ` on host ${holder.hostname}`;
  return `process ${holder.pid}${where} (${holder.command}${since})`;
}

function describeThisProcess(): string {
  const [, script, ...args] = process.argv;
  return ['node', script ? relative(process.cwd(), script) : '', ...args].filter(Boolean).join(' ');
}
