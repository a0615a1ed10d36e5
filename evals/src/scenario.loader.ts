import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { isPair, isScalar, parseDocument, visit } from 'yaml';
import { Scenario, scenarioSchema } from './scenario';

const SCENARIO_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** A scenario file that cannot be read or does not follow the format; the message names the file and the field. */
export class ScenarioFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioFileError';
  }
}

/** Loads one scenario file, or every scenario file under a folder (recursively, sorted by path). */
export function loadScenarios(path: string): Scenario[] {
  if (!existsSync(path)) throw new ScenarioFileError(`${path}: no such file or folder (relative paths resolve from ${process.cwd()})`);
  const files = statSync(path).isDirectory() ? scenarioFilesUnder(path) : [path];
  if (files.length === 0) throw new ScenarioFileError(`${path}: no scenario files (${SCENARIO_EXTENSIONS.join(', ')}) found`);
  const scenarios = files.map(loadScenarioFile);
  const seen = new Map<string, string>();
  for (const scenario of scenarios) {
    const other = seen.get(scenario.id);
    if (other) throw new ScenarioFileError(`${scenario.file}: scenario id "${scenario.id}" is already used by ${other}`);
    seen.set(scenario.id, scenario.file);
  }
  return scenarios;
}

export function loadScenarioFile(file: string): Scenario {
  const text = readFileSync(file, 'utf8');
  let raw: unknown;
  try {
    raw = extname(file) === '.json' ? JSON.parse(text) : parseScenarioYaml(text);
  } catch (error) {
    throw new ScenarioFileError(`${file}: not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'} (${(error as Error).message})`);
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(file)'}: ${issue.message}`).join('\n');
    throw new ScenarioFileError(`${file}: not a valid scenario:\n${problems}`);
  }
  const { id, intent, ...rest } = parsed.data;
  const firstRoute = rest.turns.find((t) => t.expect.route)?.expect.route?.[0];
  return {
    ...rest,
    id: id ?? basename(file, extname(file)),
    intent: intent ?? firstRoute ?? 'unlabelled',
    file: relative(process.cwd(), file) || file,
  };
}

/** YAML, refusing a customer turn cut short by a comment: in `say: order #W9000010`, ` #` starts a comment. */
function parseScenarioYaml(text: string): unknown {
  const document = parseDocument(text);
  if (document.errors.length) throw new Error(document.errors[0].message);
  const cut: string[] = [];
  visit(document, {
    Pair(_, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'say' && isScalar(pair.value) && pair.value.comment) cut.push(String(pair.value.value));
    },
  });
  if (cut.length) throw new Error(`"say: ${cut[0]}" is followed by a comment; quote text that contains " #"`);
  return document.toJS();
}

function scenarioFilesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return scenarioFilesUnder(path);
      return SCENARIO_EXTENSIONS.includes(extname(entry.name)) ? [path] : [];
    })
    .sort();
}
