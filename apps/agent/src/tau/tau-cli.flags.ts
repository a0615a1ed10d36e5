/** A command-line mistake: the CLI prints it with the usage and exits with status 2. */
export class TauUsageError extends Error {}

export interface ParsedCommand {
  command: string;
  positional: string[];
  flags: Map<string, string>;
}

/** `<command> [positional…] [--flag value | --flag=value | --switch]`; only `known` flags, `switches` take no value. */
export function parseCommand(argv: string[], known: string[], switches: string[] = []): ParsedCommand {
  const [command, ...rest] = argv;
  if (!command) throw new TauUsageError('missing command');
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (switches.includes(name)) {
      flags.set(name, 'true');
      continue;
    }
    if (!known.includes(name)) throw new TauUsageError(`unknown flag --${name}`);
    const value = inline ?? rest[++i];
    if (value === undefined || value.startsWith('--')) throw new TauUsageError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return { command, positional, flags };
}

export function intFlag(flags: Map<string, string>, name: string, fallback: number, min: number, max: number): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new TauUsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}
