import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgliteDatabase } from '../pglite.database';
import { DataDirInUseError } from './data-dir-in-use.error';
import { DataDirLock, LOCK_FILE_NAME } from './data-dir.lock';
import { LockHolder } from './lock-holder';

const HOLDER = join(__dirname, 'testing/hold-data-dir.ts');

async function holdInAnotherProcess(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', HOLDER, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(child.stdout!, 'data');
  expect(String(line)).toBe('held\n');
  return child;
}

function lockFile(dataDir: string): LockHolder {
  return JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8'));
}

describe(DataDirLock.name, () => {
  let folder: string;
  let dataDir: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'data-dir-lock-'));
    dataDir = join(folder, 'data');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses the embedded database to a second process, naming the process that holds it', async () => {
    const holder = await holdInAnotherProcess(dataDir);
    try {
      let refusal: unknown;
      try {
        new PgliteDatabase(dataDir);
      } catch (error) {
        refusal = error;
      }

      expect(refusal).toBeInstanceOf(DataDirInUseError);
      expect((refusal as Error).message).toMatch(
        new RegExp(
          `^DATA_DIR ${dataDir} is in use by process ${holder.pid} \\(test holder, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\); stop it or use another DATA_DIR$`,
        ),
      );
      expect(lockFile(dataDir).pid).toBe(holder.pid);
    } finally {
      holder.kill('SIGKILL');
    }
  }, 30_000);

  it('takes over a lock whose process was killed, and says whose it was', async () => {
    const holder = await holdInAnotherProcess(dataDir);
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    const previous: Array<LockHolder | undefined> = [];

    const lock = DataDirLock.acquire(dataDir, { command: 'second', onTakeover: (gone) => previous.push(gone) });

    expect(previous).toEqual([expect.objectContaining({ pid: holder.pid, command: 'test holder' })]);
    expect(lockFile(dataDir)).toMatchObject({ pid: process.pid, command: 'second' });
    lock.release();
  }, 30_000);

  it('holds the folder while the database is open and lets it go when it closes', async () => {
    const db = new PgliteDatabase(dataDir, { command: 'spec' });
    await db.query('SELECT 1');
    expect(lockFile(dataDir)).toMatchObject({ pid: process.pid, command: 'spec' });

    await db.close();

    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  }, 30_000);

  it('refuses a lock held on another host, which it cannot check, and says which file to delete', () => {
    const other: LockHolder = { pid: 4242, hostname: 'other-host.example', command: 'npm start', startedAt: '2026-12-01T08:00:00.000Z' };
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify(other));

    expect(() => DataDirLock.acquire(dataDir)).toThrow(
      `DATA_DIR ${dataDir} is in use by process 4242 on host other-host.example (npm start, since 2026-12-01 08:00:00 UTC); stop it or use another DATA_DIR (if that host no longer runs it, delete ${join(dataDir, LOCK_FILE_NAME)})`,
    );
  });
});
