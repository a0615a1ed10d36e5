/** A command-line mistake; the bench prints the message and the usage, then exits with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Parses `--name value` and `--name=value` flags, and `--name` alone for the names in `switches` (read
 * as "true"). Only the names in `knownFlags` and `switches` are accepted; a repeated flag keeps its last
 * value. Bare words and unknown flags are usage errors.
 */
export function parseFlags(argv: string[], knownFlags: string[], switches: string[] = []): Map<string, string> {
  const flags = new Map<string, string>();
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (!argument.startsWith('--')) throw new UsageError(`unexpected argument "${argument}"`);
    const [name, inlineValue] = argument.slice(2).split(/=(.*)/s, 2);
    if (switches.includes(name)) {
      if (inlineValue !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.set(name, 'true');
      continue;
    }
    if (!knownFlags.includes(name))
      throw new UsageError(`unknown flag --${name}; known flags: ${[...knownFlags, ...switches].map((flag) => `--${flag}`).join(', ')}`);
    const value = inlineValue ?? argv[++index];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return flags;
}

/** Reads a numeric flag within [min, max], or the fallback when the flag is absent. */
export function numberFlag(flags: Map<string, string>, name: string, fallback: number, min: number, max: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new UsageError(`--${name} must be a number from ${min} to ${max}, got "${raw}"`);
  return value;
}
