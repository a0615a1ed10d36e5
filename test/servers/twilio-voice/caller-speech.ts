import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CACHE = join(tmpdir(), 'support-voice-clips');

/**
 * A caller saying `text`, as a phone line would carry it: espeak-ng speech converted by sox to raw
 * μ-law, 8 kHz, mono (no header). Cached per text, so the suite synthesises each line once; the
 * cache is shared by every test run on the machine, so a clip appears whole (written aside, then renamed).
 */
export function callerSpeech(text: string): Buffer {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `${createHash('sha256').update(text).digest('hex').slice(0, 16)}.ulaw`);
  if (existsSync(file)) return readFileSync(file);
  const wav = execFileSync('espeak-ng', ['-v', 'en-us', '-s', '170', '--stdout', text], { maxBuffer: 32 * 1024 * 1024 });
  const mulaw = execFileSync('sox', ['-t', 'wav', '-', '-t', 'raw', '-r', '8000', '-e', 'mu-law', '-b', '8', '-c', '1', '-'], {
    input: wav,
    maxBuffer: 32 * 1024 * 1024,
  });
  const partial = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(partial, mulaw);
  renameSync(partial, file);
  return mulaw;
}
