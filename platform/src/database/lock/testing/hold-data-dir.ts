/** A process that holds a data folder until it is killed: `hold-data-dir.ts <dataDir>`; prints "held" once it has it. */
import { DataDirLock } from '../data-dir.lock';

DataDirLock.acquire(process.argv[2], { command: 'test holder' });
process.stdout.write('held\n');
setInterval(() => undefined, 60_000);
