/** A command-line mistake: printed with the usage, exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliArguments {
  positional: string[];
  flags: Map<string, string>;
}

/** `--name value` and `--name=value` flags (only `known` ones) and bare positional words. */
export function parseArguments(argv: string[], known: string[]): CliArguments {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (!argument.startsWith('--')) {
      positional.push(argument);
      continue;
    }
    const [name, inline] = argument.slice(2).split(/=(.*)/s, 2);
    if (!known.includes(name))
      throw new UsageError(`unknown option --${name}${known.length ? `; this command takes ${known.map((k) => `--${k}`).join(', ')}` : ''}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return { positional, flags };
}

export function numberFlag(flags: Map<string, string>, name: string, fallback: number, min = 0): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new UsageError(`--${name} must be a number of at least ${min}, got "${raw}"`);
  return value;
}
